var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
var app = builder.Build();
app.MapGet("/me", (ClaimsPrincipal user) => user.Identity!.Name); // want: GET /me
app.MapGet("/", () => "welcome").AllowAnonymous(); // want: GET /
app.MapPost("/login", async (LoginForm form, SignInManager<User> signIn) => await signIn.PasswordSignInAsync(form.Email, form.Password, false, false)).AllowAnonymous(); // want: POST /login
app.Run();
