using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

[Authorize]
public class ProfileController : Controller
{
    // No anti-forgery check: a cross-site form posts with the cookie.
    [HttpPost]
    public IActionResult ChangeEmail(string email) // want: POST /Profile/ChangeEmail
    {
        return RedirectToAction("Index");
    }

    [HttpPost]
    [ValidateAntiForgeryToken]
    public IActionResult ChangeName(string name) // want: POST /Profile/ChangeName
    {
        return RedirectToAction("Index");
    }
}
