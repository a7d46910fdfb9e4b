namespace Api;

// The database is chosen by the settings' connection string: no provider
// call in this tree (it lives in a shared package).
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddData(Configuration.GetConnectionString("Main"));
    }
}
