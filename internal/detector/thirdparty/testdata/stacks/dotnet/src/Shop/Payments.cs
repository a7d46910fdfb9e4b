using System.Net.Http;
using Shop.Stripe;
using Stripe; // want: third-party stripe

namespace Shop;

public class Payments
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://api.sendgrid.com/v3/") }; // want: third-party sendgrid

    public StripeClient Client() => new StripeClient(Settings.Key);
}
