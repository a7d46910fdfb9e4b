using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;

namespace Shop;

public static class StaticFiles
{
    public static void Serve(WebApplication app, IFileProvider files)
    {
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = "/files" });
        app.UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = files, RequestPath = "/files" }); // want: weakness directory-listing
    }
}
