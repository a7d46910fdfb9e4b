namespace Shop.Pages.Basket;

// Another IndexModel: the page's own file says which one it is.
public class IndexModel : PageModel
{
    public void OnGet() // want: GET /Basket
    {
    }

    public async Task<IActionResult> OnPostAsync() // want: POST /Basket
    {
        await _basket.CheckoutAsync(Request.Cookies["basket"]);
        return RedirectToPage("/Index");
    }
}
