namespace Shop.Pages.Orders;

[Authorize]
public class DetailModel : PageModel
{
    public async Task OnGetAsync(int orderId) // want: GET /Orders/Detail/{orderId}
    {
        Order = await _orders.FindAsync(orderId);
    }
}
