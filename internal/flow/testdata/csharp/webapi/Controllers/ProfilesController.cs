using System;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Shopfront.Controllers
{
    [Route("profiles")]
    public class ProfilesController(ShopContext _db) : Controller
    {
        // A name one user saved, shown as HTML to whoever opens the link.
        [HttpGet("{id}/card")]
        public async Task<IActionResult> Card(Guid id)
        {
            var user = await _db.Users.FirstOrDefaultAsync(u => u.Id == id);
            return Content($"<p>Invited by <b>{user.Name}</b></p>", "text/html"); // want: xss via=stored
        }

        [HttpGet("{id}/banner")]
        public async Task<IActionResult> Banner(Guid id)
        {
            var user = await _db.Users.FindAsync(id);
            return new ContentResult
            {
                Content = "<h2>" + user.Bio + "</h2>", // want: xss via=stored
                ContentType = "text/html",
            };
        }

        // Lookalikes: the saved name encoded, sent as plain text, or
        // used where a record's value is the app's own (a redirect).
        [HttpGet("{id}/card-safe")]
        public async Task<IActionResult> CardSafe(Guid id)
        {
            var user = await _db.Users.FirstOrDefaultAsync(u => u.Id == id);
            var encoded = Content($"<b>{HtmlEncoder.Default.Encode(user.Name)}</b>", "text/html");
            var plain = new ContentResult { Content = user.Bio, ContentType = "text/plain" };
            return Redirect(user.Homepage);
        }

        [HttpGet("directory")]
        public IActionResult Directory(string user, string pass)
        {
            var doc = new System.Xml.XmlDocument();
            doc.Load("directory.xml");
            var match = doc.SelectSingleNode("//user[name='" + user + "' and pass='" + pass + "']"); // want: xpath-injection via=query
            var all = doc.SelectNodes("//user");
            return Ok(match != null && all.Count > 0);
        }

        [HttpGet("preview")]
        public IActionResult Preview(string bio)
        {
            return new ContentResult { Content = bio, ContentType = "text/html; charset=utf-8" }; // want: xss via=query
        }
    }
}
