using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers;

[ApiController]
[Route("api/stock")]
public class StockController : ControllerBase
{
    // Only the bearer scheme: the token comes in the Authorization header.
    [HttpPost] // want: POST /api/stock
    [Authorize(Roles = "Admin", AuthenticationSchemes = JwtBearerDefaults.AuthenticationScheme)]
    public IActionResult Add() => Ok();

    // Lookalikes: the cookie scheme named, and no scheme named.
    [HttpDelete("{id}")] // want: DELETE /api/stock/{id}
    [Authorize(AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme)]
    public IActionResult Remove(int id) => Ok();

    [HttpPut("{id}")] // want: PUT /api/stock/{id}
    [Authorize(Roles = "Admin")]
    public IActionResult Update(int id) => Ok();
}
