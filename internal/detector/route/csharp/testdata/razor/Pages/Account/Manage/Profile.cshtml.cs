namespace Shop.Pages.Account.Manage;

public class ProfileModel : PageModel
{
    public IActionResult OnPostUpdate(string email) // want: POST /Account/Manage/Profile
    {
        return Page();
    }
}
