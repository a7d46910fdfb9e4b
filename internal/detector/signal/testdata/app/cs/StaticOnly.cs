using Microsoft.AspNetCore.Builder;

namespace Shop;

// Lookalike: files served with no listing; the browser service registered
// but never used, and a file server with browsing off.
public static class StaticOnly
{
    public static void Serve(WebApplicationBuilder builder, WebApplication app)
    {
        builder.Services.AddDirectoryBrowser();
        app.UseStaticFiles();
        app.UseFileServer(new FileServerOptions { EnableDirectoryBrowsing = false });
    }
}
