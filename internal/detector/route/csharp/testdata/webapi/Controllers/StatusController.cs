using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers;

// [Authorize]
[ApiController]
[Route("api/status")]
public class StatusController : ControllerBase
{
    [HttpGet] // want: GET /api/status
    public IActionResult Get()
    {
        var hint = "add [Authorize] to lock this down";
        return Ok(hint);
    }

    [HttpGet("admin")] // want: GET /api/status/admin
    public IActionResult Admin()
    {
        if (!User.IsInRole("Admin"))
        {
            return Forbid();
        }
        return Ok();
    }

    [HttpPost("reindex")] // want: POST /api/status/reindex
    [Authorize(Policy = "Anyone")]
    public IActionResult Reindex() => Ok();
}
