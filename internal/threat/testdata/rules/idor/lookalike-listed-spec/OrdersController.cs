using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Shop;

[Route("orders")]
[Authorize]
public class OrdersController(IRepository<Order> orders) : ControllerBase
{
    // Every order, to every signed-in user: a specification built from
    // nothing narrows nothing.
    [HttpGet]
    public async Task<IActionResult> All()
    {
        var spec = new AllOrdersSpec();
        var list = await orders.ListAsync(spec);
        return Ok(list.Select(o => new { o.OrderId, o.ShipToAddress }));
    }

    // So one by id shows nothing the list does not.
    [HttpGet("{orderId}")]
    public async Task<IActionResult> One(int orderId)
    {
        var spec = new OrderByIdSpec(orderId);
        var order = await orders.FirstOrDefaultAsync(spec);
        return order == null ? NotFound() : Ok(order);
    }
}

public record AllOrdersSpec();
public record OrderByIdSpec(int Id);
