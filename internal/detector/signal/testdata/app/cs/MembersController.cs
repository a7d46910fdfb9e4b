using Microsoft.AspNetCore.Mvc;
using System.Net;
using System.Net.Mail;

namespace Shop.Controllers;

public class MembersController : Controller
{
    private readonly ShopContext _db;
    public MembersController(ShopContext db) => _db = db;

    [HttpPost]
    public IActionResult Join(string name, string password)
    {
        _db.Members.Add(new Member { Name = name, Password = password }); // want: weakness password-plaintext
        _db.SaveChanges();
        return RedirectToAction("Enter");
    }

    [HttpPost]
    public IActionResult Enter(string name, string password)
    {
        var m = _db.Members.FirstOrDefault(x => x.Name == name && x.Password == password); // want: weakness password-plaintext
        return m == null ? Unauthorized() : RedirectToAction("Index", "Home");
    }

    // Lookalike: the mail relay's own credentials, posted by the admin.
    [HttpPost]
    public IActionResult Relay(string user, string password)
    {
        var smtp = new SmtpClient("mail.example.com") { Credentials = new NetworkCredential { UserName = user, Password = password } };
        return Ok();
    }
}
