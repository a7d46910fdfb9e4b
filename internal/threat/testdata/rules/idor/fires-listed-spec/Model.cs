using Microsoft.EntityFrameworkCore;

namespace Shop;

public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<User> Users { get; set; } = null!;
    public DbSet<Order> Orders { get; set; } = null!;
}

public class User
{
    public int UserId { get; set; }
    public string Email { get; set; } = "";
    public string PasswordHash { get; set; } = "";
}

public class Order
{
    public int OrderId { get; set; }
    public string ShipToAddress { get; set; } = "";
    public string Phone { get; set; } = "";
    public int UserId { get; set; }
    public User User { get; set; } = null!;
}

public interface IRepository<T>
{
    Task<List<T>> ListAsync(object spec);
    Task<T?> FirstOrDefaultAsync(object spec);
}
