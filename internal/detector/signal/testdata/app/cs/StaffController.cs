using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers;

// Lookalike: the entity's password set from a hash of the posted one.
public class StaffController : Controller
{
    private readonly ShopContext _db;
    private readonly PasswordHasher<Staff> _hasher = new();
    public StaffController(ShopContext db) => _db = db;

    [HttpPost]
    public IActionResult Add(string name, string password)
    {
        var s = new Staff { Name = name };
        s.Password = _hasher.HashPassword(s, password);
        _db.Staff.Add(s);
        _db.SaveChanges();
        return Ok();
    }
}
