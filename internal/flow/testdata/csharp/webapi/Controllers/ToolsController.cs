using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Xml.Serialization;
using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;

namespace Shopfront.Controllers
{
    [Route("tools")]
    public class ToolsController(IHttpClientFactory _factory, IArchiveService _archives) : Controller
    {
        [HttpPost("ping")]
        public IActionResult Ping([FromForm] string host)
        {
            Process.Start("/bin/bash", "-c \"ping -c 1 " + host + "\""); // want: command-injection via=body
            Process.Start("ping", "-c 1 " + host);
            var psi = new ProcessStartInfo
            {
                FileName = "cmd.exe",
                Arguments = "/c nslookup " + host, // want: command-injection via=body
            };
            var words = new ProcessStartInfo { FileName = "/usr/bin/nslookup", Arguments = host };
            Process.Start("uptime");
            return Ok();
        }

        [HttpPost("archive")]
        public IActionResult Archive(string name)
        {
            _archives.Pack(name);
            return Ok();
        }

        [HttpGet("fetch")]
        public async Task<IActionResult> Fetch(string url)
        {
            var client = _factory.CreateClient();
            var body = await client.GetStringAsync(url); // want: ssrf via=query
            var fixedHost = await client.GetStringAsync("https://status.example.test/api/" + url);
            return Content(body);
        }

        [HttpGet("probe")]
        public IActionResult Probe()
        {
            var target = HttpContext.Request.Headers["X-Target"].ToString();
            var req = WebRequest.Create(target); // want: ssrf via=header
            return Ok(req.ContentLength);
        }

        [HttpGet("file")]
        public IActionResult Download(string name)
        {
            var path = Path.Combine("/srv/files", name);
            var bytes = System.IO.File.ReadAllBytes(path); // want: path-traversal via=query
            var safe = Path.Combine("/srv/files", Path.GetFileName(name));
            var ok = System.IO.File.ReadAllBytes(safe);
            return File(bytes.Concat(ok).ToArray(), "application/octet-stream");
        }

        [HttpGet("go")]
        public IActionResult Go(string returnUrl)
        {
            return Redirect(returnUrl); // want: open-redirect via=query
        }

        [HttpGet("back")]
        public IActionResult Back(string returnUrl)
        {
            if (!Url.IsLocalUrl(returnUrl))
            {
                return BadRequest();
            }
            return Redirect(returnUrl);
        }

        [HttpGet("hello")]
        public IActionResult Hello(string name)
        {
            return Content("<h1>Hello " + name + "</h1>", "text/html"); // want: xss via=query
        }

        [HttpGet("hello-plain")]
        public IActionResult HelloPlain(string name)
        {
            var safe = HtmlEncoder.Default.Encode(name);
            var html = Content("<h1>Hello " + safe + "</h1>", "text/html");
            return Content("Hello " + name, "text/plain");
        }

        [HttpPost("import")]
        public IActionResult Import()
        {
            var doc = new XmlDocument();
            doc.Load(HttpContext.Request.Body);
            foreach (XmlElement item in doc.SelectNodes("Items/Item"))
            {
                var typeName = item.GetAttribute("Type");
                var ser = new XmlSerializer(Type.GetType(typeName)); // want: unsafe-deserialization via=body
                var fixedSer = new XmlSerializer(typeof(Item));
            }
            return Ok();
        }

        [HttpPost("restore")]
        public IActionResult Restore([FromBody] string payload)
        {
            var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All };
            var obj = JsonConvert.DeserializeObject(payload, settings); // want: unsafe-deserialization via=body
            return Ok(obj);
        }

        [HttpPost("restore-plain")]
        public IActionResult RestorePlain([FromBody] string payload)
        {
            var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None };
            var obj = JsonConvert.DeserializeObject<Item>(payload, settings);
            return Ok(obj);
        }

        [HttpGet("by-id/{id}")]
        public IActionResult ById(int id, Guid token)
        {
            Process.Start("report", "--id " + id + " --token " + token);
            return Ok();
        }
    }
}
