using Microsoft.AspNetCore.Identity;

namespace Web.Models;

// want: asset user-data Customer DisplayName,Email,PasswordHash,PhoneNumber,UserName
public class Customer : IdentityUser
{
    public string DisplayName { get; set; }

    [NotMapped]
    public string Greeting => "Hello " + DisplayName;

    public List<Order> Orders { get; set; }
}
