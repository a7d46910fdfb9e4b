using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Shop;

[Route("orders")]
[Authorize]
public class OrdersController(IRepository<Order> orders) : ControllerBase
{
    // The list holds only the caller's orders: the specification is
    // built from the caller's name.
    [HttpGet]
    public async Task<IActionResult> Mine()
    {
        var name = User.Identity!.Name;
        var spec = new OrdersOfBuyerSpec(name);
        var list = await orders.ListAsync(spec);
        return Ok(list.Select(o => new { o.OrderId, o.ShipToAddress }));
    }

    // One by id is any user's order: the row stays.
    [HttpGet("{orderId}")]
    public async Task<IActionResult> One(int orderId)
    {
        var spec = new OrderByIdSpec(orderId);
        var order = await orders.FirstOrDefaultAsync(spec);
        return order == null ? NotFound() : Ok(order);
    }
}

public record OrdersOfBuyerSpec(string? Buyer);
public record OrderByIdSpec(int Id);
