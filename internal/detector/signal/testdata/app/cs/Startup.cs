using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Shop;

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddCors(options =>
        {
            options.AddPolicy("Partners",
                builder => builder.AllowAnyOrigin() // want: weakness cors-wildcard-credentials
                    .AllowAnyMethod()
                    .AllowCredentials());
            options.AddPolicy("Widgets", builder => builder.SetIsOriginAllowed(_ => true).AllowCredentials()); // want: weakness cors-wildcard-credentials
            // Lookalikes: any origin without cookies; credentials for one pinned origin;
            // an origin check that decides.
            options.AddPolicy("Public", builder => builder.AllowAnyOrigin().AllowAnyHeader());
            options.AddPolicy("App", builder => builder.WithOrigins("https://app.example.test").AllowCredentials());
            options.AddPolicy("Tenants", builder => builder.SetIsOriginAllowed(origin => origin.EndsWith(".example.test")).AllowCredentials());
        });
    }
}
