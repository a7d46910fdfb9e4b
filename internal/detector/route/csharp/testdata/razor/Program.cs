// A Razor Pages shop: a folder and an area page authorized by convention,
// a model with [Authorize], and pages anyone may open.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/Account/Manage");
    options.Conventions.AuthorizeAreaPage("Admin", "/Users", "AdminsOnly");
});
builder.Services.AddAuthorization(o => o.AddPolicy("AdminsOnly", p => p.RequireRole("Admin")));
var app = builder.Build();
app.MapRazorPages();
app.Run();
