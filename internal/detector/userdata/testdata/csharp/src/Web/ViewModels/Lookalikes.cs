namespace Web.ViewModels;

// A form's shape: no context names it.
public class RegisterViewModel
{
    public string Email { get; set; }
    public string Password { get; set; }
}

// A class named User that no DbSet names.
public class User
{
    public string Email { get; set; }
    public string PhoneNumber { get; set; }
}

// A DbSet on a class that is no DbContext names no table.
public class FakeStore
{
    public DbSet<Newsletter> Newsletters { get; set; }
}

public class Newsletter
{
    public string SubscriberEmail { get; set; }
}
