namespace Example.Contacts;

// An address book's own methods named like sign-in handlers: no
// authentication builder is their receiver.
public class LookalikeAuthBuilder
{
    private readonly ContactList _list = new ContactList();

    public void Fill(IAuthenticationSchemeProvider schemes)
    {
        _list.AddGoogle(new Contact("g"));
        new ContactList().AddFacebook(new Contact("f"));
        Authentication.Log("listed");
        _list.AddTwitter(new Contact("t")).AddGitHub(new Contact("h"));
    }
}
