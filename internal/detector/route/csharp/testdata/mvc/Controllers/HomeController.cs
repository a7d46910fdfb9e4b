using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Controllers;

public class HomeController : Controller
{
    [AllowAnonymous]
    public IActionResult Index() => View(); // want: GET /portal/Home/Index

    public IActionResult Details(int id) => View(); // want: GET /portal/Home/Details/{id}

    [HttpPost]
    public IActionResult Save(Note note) => RedirectToAction("Index"); // want: POST /portal/Home/Save
}
