using Microsoft.AspNetCore.Authorization;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddAuthorization(options =>
{
    options.AddPolicy("Editors", p => p.RequireRole("Editor"));
    options.AddPolicy("Anyone", p => p.RequireAssertion(_ => true));
});
var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();

// app.MapGet("/commented", () => "no");
app.MapGet("/health", () => Results.Ok("ok")); // want: GET /health

var api = app.MapGroup("/api/v2").RequireAuthorization();
api.MapGet("/items/{id:int}", async (int id, ShopDb db) => await db.Items.FindAsync(id)); // want: GET /api/v2/items/{id}
api.MapGet("/catalog", (ShopDb db) => db.Items.ToList()).AllowAnonymous(); // want: GET /api/v2/catalog
var admin = api.MapGroup("/admin");
admin.MapDelete("/items/{id}", ItemHandlers.Delete); // want: DELETE /api/v2/admin/items/{id}

app.MapPost("/feedback", (Feedback f, ShopDb db) => db.Add(f)).RequireAuthorization("Anyone"); // want: POST /feedback
app.MapPut("/posts/{id}", (int id) => Results.Ok()).RequireAuthorization("Editors"); // want: PUT /posts/{id}
app.MapMethods("/ping", new[] { HttpMethods.Get, "HEAD" }, () => "pong"); // want: GET /ping; HEAD /ping
app.MapGroup("/hooks").MapPost("/stripe", (HttpRequest req) => Results.Ok()); // want: POST /hooks/stripe
// The lambda's own attributes are the endpoint's.
app.MapDelete("/catalog/{id}", [Authorize(Roles = "Admin")] async (int id, ShopDb db) => await db.RemoveAsync(id)); // want: DELETE /catalog/{id}
app.MapPost("/catalog/{id}/views", [AllowAnonymous] (int id, ShopDb db) => db.CountView(id)); // want: POST /catalog/{id}/views
app.MapPost("/catalog/{id}/notes", (int id, ShopDb db) => db.Note(id, "[Authorize]")); // want: POST /catalog/{id}/notes

app.Run();
