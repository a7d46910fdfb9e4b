using System;
using System.Data.SqlClient;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Dapper;

namespace Shopfront.Controllers
{
    [ApiController]
    [Route("api/[controller]")]
    public class CatalogController : ControllerBase
    {
        private readonly ShopContext _db;
        private readonly SqlConnection _conn;

        public CatalogController(ShopContext db, SqlConnection conn)
        {
            _db = db;
            _conn = conn;
        }

        [HttpGet("search")]
        public IActionResult Search(string keyword)
        {
            var query = $"SELECT * FROM Items WHERE Name LIKE '%{keyword}%'";
            var items = _db.Items.FromSql(query).ToList(); // want: sql-injection via=query
            return Ok(items);
        }

        [HttpGet("search2")]
        public IActionResult SearchSafe(string keyword)
        {
            // An interpolated string written in the call is sent as parameters.
            var items = _db.Items.FromSql($"SELECT * FROM Items WHERE Name = {keyword}").ToList();
            var more = _db.Items.FromSqlInterpolated($"SELECT * FROM Items WHERE Sku = {keyword}").ToList();
            return Ok(items.Concat(more));
        }

        [HttpDelete("{sku}")]
        public IActionResult Remove([FromRoute] string sku)
        {
            _db.Database.ExecuteSqlRaw("DELETE FROM Items WHERE Sku = '" + sku + "'"); // want: sql-injection via=param
            _db.Database.ExecuteSqlRaw("DELETE FROM Items WHERE Sku = {0}", sku);
            return NoContent();
        }

        [HttpGet("by-owner")]
        public IActionResult ByOwner([FromQuery] string owner, [FromQuery] int page)
        {
            var rows = _conn.Query<Item>("SELECT * FROM Items WHERE Owner = '" + owner + "'"); // want: sql-injection via=query
            var safe = _conn.Query<Item>("SELECT * FROM Items WHERE Owner = @owner", new { owner });
            var paged = _conn.Query<Item>("SELECT * FROM Items OFFSET " + page);
            return Ok(rows.Concat(safe).Concat(paged));
        }

        [HttpPost("report")]
        public IActionResult Report([FromBody] ReportRequest req)
        {
            using (var cmd = new SqlCommand("SELECT * FROM Sales WHERE Region = '" + req.Region + "'", _conn)) // want: sql-injection via=body
            {
                cmd.ExecuteReader();
            }
            var fixedCmd = new SqlCommand("SELECT * FROM Sales WHERE Region = @r", _conn);
            fixedCmd.Parameters.AddWithValue("@r", req.Region);
            return Ok();
        }

        [HttpGet("count")]
        public IActionResult Count()
        {
            string id = Request.Query["id"];
            var n = int.Parse(id);
            var c = _conn.ExecuteScalar<int>("SELECT COUNT(*) FROM Items WHERE Cat = " + n);
            var cat = Request.Query["cat"].ToString();
            var d = _conn.ExecuteScalar<int>("SELECT COUNT(*) FROM Items WHERE Cat = '" + cat + "'"); // want: sql-injection via=query
            return Ok(c + d);
        }
    }
}
