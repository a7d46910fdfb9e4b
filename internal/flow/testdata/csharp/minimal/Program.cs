using System.Diagnostics;
using Microsoft.Data.Sqlite;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/lookup", (string user, SqliteConnection db) =>
{
    var cmd = db.CreateCommand();
    cmd.CommandText = "SELECT * FROM accounts WHERE name = '" + user + "'"; // want: sql-injection via=query
    return cmd.ExecuteScalar();
});

app.MapGet("/lookup-safe", (string user, SqliteConnection db) =>
{
    var cmd = db.CreateCommand();
    cmd.CommandText = "SELECT * FROM accounts WHERE name = $name";
    cmd.Parameters.AddWithValue("$name", user);
    return cmd.ExecuteScalar();
});

app.MapGet("/next", (HttpRequest request) =>
{
    var next = request.Query["next"].ToString();
    return Results.Redirect(next); // want: open-redirect via=query
});

app.MapGet("/next-safe", (HttpRequest request) =>
{
    var next = request.Query["next"].ToString();
    if (next != "/home" && next != "/account")
    {
        return Results.BadRequest();
    }
    return Results.Redirect(next);
});

app.MapPost("/files/{name}", async (string name, HttpContext ctx) =>
{
    using var fs = new FileStream(Path.Combine("uploads", name), FileMode.Create); // want: path-traversal via=param
    await ctx.Request.Body.CopyToAsync(fs);
    return Results.Ok();
});

app.Run();
