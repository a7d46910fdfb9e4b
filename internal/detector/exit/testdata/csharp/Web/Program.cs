var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();

var app = builder.Build();
app.UseDeveloperExceptionPage(); // want: exit debug-mode
// app.UseExceptionHandler("/Error");
app.UseStaticFiles();
app.MapRazorPages();
app.Run();
