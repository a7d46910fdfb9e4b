namespace Shop.Pages;

public class IndexModel : PageModel
{
    public void OnGet() // want: GET /
    {
    }
}
