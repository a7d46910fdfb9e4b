using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers;

[Route("api/[controller]")]
public class OrdersController : ApiControllerBase
{
    private readonly ShopDb _db;

    public OrdersController(ShopDb db) => _db = db;

    [HttpGet] // want: GET /api/Orders
    public IActionResult List() => Ok(_db.Orders.ToList());

    [HttpGet("{id:int}")] // want: GET /api/Orders/{id}
    public async Task<IActionResult> GetAsync(int id) => Ok(await _db.Orders.FindAsync(id));

    [HttpGet("public/{code}")] // want: GET /api/Orders/public/{code}
    [AllowAnonymous]
    public IActionResult ByCode(string code) => Ok(_db.Orders.FirstOrDefault(o => o.Code == code));

    [HttpPost("[action]")] // want: POST /api/Orders/Import
    [Authorize(Roles = "Admin")]
    public IActionResult Import([FromBody] Order[] orders) => Ok();

    [HttpDelete("~/orders/{id}")] // want: DELETE /orders/{id}
    public IActionResult Remove(int id) => NoContent();

    [NonAction]
    public void Helper() { }
}
