namespace Shop.Models;

public class Account
{
    public string Email { get; set; }
    public string PasswordHash { get; set; }

    public static Session SignIn(ShopDb db, LoginRequest request)
    {
        var account = db.Accounts.FirstOrDefault(a => a.Email == request.Email);
        if (account == null)
        {
            return null;
        }
        if (Hash(request.Password) != account.PasswordHash)
        {
            return null;
        }
        return Session.For(account);
    }

    public static string Hash(string value) => value;
}
