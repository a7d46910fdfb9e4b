using Microsoft.AspNetCore.Mvc;

namespace Board.Controllers;

public class NotesController : Controller
{
    private readonly BoardContext _db;
    public NotesController(BoardContext db) => _db = db;

    [HttpPost]
    public IActionResult Add(string body)
    {
        _db.Notes.Add(new Note { Body = body });
        _db.SaveChanges();
        return RedirectToAction("List");
    }

    // Every visitor's page writes what any visitor saved, as HTML.
    public IActionResult List()
    {
        var notes = _db.Notes.ToList();
        return View(notes);
    }

    // Lookalike: the same records in a view that encodes them.
    public IActionResult Plain()
    {
        var notes = _db.Notes.ToList();
        return View("Encoded", notes);
    }

    // Lookalike: a list the code wrote, in the raw view.
    public IActionResult Tips()
    {
        var tips = new List<Note> { new Note { Body = "<b>Tip</b>" } };
        return View("List", tips);
    }
}
