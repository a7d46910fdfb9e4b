var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

// A braceless test governs the page: development only.
if (app.Environment.IsDevelopment())
    app.UseDeveloperExceptionPage();
app.UseRouting();
if (app.Environment.IsDevelopment()) app.UseDeveloperExceptionPage();
app.MapControllers();
app.Run();
