using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Example.Auth;

public static class SignIn
{
    public static IServiceCollection AddSignIn(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddCookie(o => { o.LoginPath = "/login"; })
            .AddGoogle(o => { o.ClientId = "id"; })
            .AddMicrosoftAccount(o => { o.ClientId = "id"; });
        services.AddAuthentication(o => o.DefaultScheme = "Cookies").AddFacebook(o => o.AppId = "id");
        return services;
    }

    public static AuthenticationBuilder AddMore(this AuthenticationBuilder builder)
    {
        builder.AddTwitter(o => o.ConsumerKey = "key");
        return builder.AddGitHub(o => o.ClientId = "id");
    }
}
