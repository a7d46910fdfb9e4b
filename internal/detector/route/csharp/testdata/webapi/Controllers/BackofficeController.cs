using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Shop.Controllers;

// Checks a caller passes by sending a word are no authentication; checks
// of the session, the principal or a key the app holds are.
[ApiController]
[Route("api/backoffice")]
public class BackofficeController(ShopDb db, IOptions<KeyOptions> keys) : ControllerBase
{
    // The role comes from the query string: anyone sends role=admin.
    [HttpGet("dashboard")] // want: GET /api/backoffice/dashboard
    public IActionResult Dashboard(string userId, string role = "user")
    {
        if (role.ToLower() != "admin")
        {
            return Unauthorized(new { error = "admin only" });
        }
        return Ok(db.Stats());
    }

    // Cookies the browser sends as the caller wrote them.
    [HttpGet("settings")] // want: GET /api/backoffice/settings
    public IActionResult Settings()
    {
        var isAdmin = HttpContext.Request.Cookies["isAdmin"];
        var level = HttpContext.Request.Cookies["level"];
        if (isAdmin != "true" && level != "5")
        {
            return Unauthorized();
        }
        return Ok(db.Settings());
    }

    // Lookalike: compared with a literal too, but what is tested is the
    // principal the authentication middleware set.
    [HttpGet("audit")] // want: GET /api/backoffice/audit
    public IActionResult Audit()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Unauthorized();
        }
        return Ok(db.Audit());
    }

    // Lookalike: a header compared with a key the app holds.
    [HttpPost("sync")] // want: POST /api/backoffice/sync
    public IActionResult Sync()
    {
        var key = HttpContext.Request.Headers["X-Sync-Key"];
        if (key != keys.Value.SyncKey)
        {
            return Unauthorized();
        }
        return Ok();
    }

    // A login: the model checks the password and gives null on a wrong
    // one; the 401 answers that, it is no guard.
    [HttpPost("login")] // want: POST /api/backoffice/login
    public IActionResult Login([FromBody] LoginRequest request)
    {
        var session = Account.SignIn(db, request);
        if (session == null)
        {
            return Unauthorized();
        }
        return Ok(session);
    }

    // Lookalike: a password change compares passwords too, after it has
    // turned away a caller with no principal.
    [HttpPost("password")] // want: POST /api/backoffice/password
    public IActionResult ChangePassword([FromBody] PasswordChange change)
    {
        if (!User.Identity.IsAuthenticated)
        {
            return Unauthorized();
        }
        var account = db.Accounts.Find(User.FindFirst("sub").Value);
        if (Account.Hash(change.CurrentPassword) != account.PasswordHash)
        {
            return BadRequest();
        }
        account.PasswordHash = Account.Hash(change.NewPassword);
        db.SaveChanges();
        return Ok();
    }
}
