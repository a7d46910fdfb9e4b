using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

public class TestContext
{
    public static DbContextOptions<ShopContext> Options() =>
        new DbContextOptionsBuilder<ShopContext>().UseSqlite("Data Source=:memory:").Options;

    public static IConnectionMultiplexer Redis() => ConnectionMultiplexer.Connect("localhost");
}
