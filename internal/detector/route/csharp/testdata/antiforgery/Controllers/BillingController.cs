using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

// The check on the controller covers each of its actions.
[Authorize]
[AutoValidateAntiforgeryToken]
public class BillingController : Controller
{
    [HttpPost]
    public IActionResult Cancel() // want: POST /Billing/Cancel
    {
        return RedirectToAction("Index");
    }
}
