var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
// The page first, then a handler production registers inside it: the
// handler answers every error with its own page.
app.UseDeveloperExceptionPage();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Shop/Oops");
}
app.UseRouting();
app.Run();
