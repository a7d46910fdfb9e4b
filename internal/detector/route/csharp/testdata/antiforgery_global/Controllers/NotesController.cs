using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

[Authorize]
public class NotesController : Controller
{
    [HttpPost]
    public IActionResult Delete(int id) // want: POST /Notes/Delete/{id}
    {
        return RedirectToAction("Index");
    }
}
