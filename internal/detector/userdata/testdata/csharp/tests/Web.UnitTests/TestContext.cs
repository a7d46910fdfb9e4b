using Microsoft.EntityFrameworkCore;

public class TestContext : DbContext
{
    public DbSet<TestPerson> People { get; set; }
}

public class TestPerson
{
    public string Email { get; set; }
}
