using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Shop.Controllers;

[ApiController]
[Route("api/[controller]")]
public class ReportsController : ControllerBase
{
    private readonly ShopContext _db;

    public ReportsController(ShopContext db) => _db = db;

    [HttpGet("search")]
    public IActionResult Search(string term)
    {
        var rows = _db.Reports.FromSqlRaw($"SELECT * FROM Reports WHERE Title = '{term}'").ToList(); // flow/csharp: sql-injection
        var safe = _db.Reports.FromSqlInterpolated($"SELECT * FROM Reports WHERE Title = {term}").ToList();
        var same = _db.Reports.FromSqlRaw("SELECT * FROM Reports WHERE Title = {0}", term).ToList();
        using var cmd = new SqlCommand("SELECT * FROM Reports WHERE Owner = '" + term + "'"); // flow/csharp: sql-injection
        string sql = "DELETE FROM Reports WHERE Title = '" + term + "'";
        _db.Database.ExecuteSqlRaw(sql); // flow/csharp: sql-injection
        return Ok(new { rows, safe, same });
    }

    [HttpPost("zip")]
    public IActionResult Zip(string name)
    {
        Process.Start("/bin/sh", $"-c \"zip exports/out.zip /data/{name}\""); // flow/csharp: command-injection
        Process.Start("zip", new[] { "exports/out.zip", name });
        return Ok();
    }
}
