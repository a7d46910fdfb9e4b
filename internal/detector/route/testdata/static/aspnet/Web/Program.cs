using Microsoft.Extensions.FileProviders;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.UseStaticFiles(); // want: route GET /{filename}; serves /appsettings_backup.json; serves /site.js; serves /css/site.css
app.UseStaticFiles(new StaticFileOptions
{
    FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "Uploads")),
    RequestPath = "/media",
}); // want: route GET /media/{filename}; serves /media/avatar.png
app.MapGet("/api/items", () => Results.Ok()); // want: route GET /api/items
app.Run();
