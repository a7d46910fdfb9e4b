using Board.Application.Archive;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Board.Features.Notes;

[ApiController]
[Route("notes")]
[Authorize]
public class NotesController(IMediator mediator, IMailer mailer) : ControllerBase
{
    // The request's handler runs: the route is read in Remove.cs.
    [HttpDelete("{noteId}")]
    public Task Delete(int noteId, CancellationToken ct) => mediator.Send(new Remove.Command(noteId), ct); // want: DELETE /notes/{noteId}

    // The request is bound from the body and handed on whole.
    [HttpPost]
    public async Task<NoteEnvelope> Create([FromBody] Create.Command command, CancellationToken ct) // want: POST /notes
    {
        return await mediator.Send(command, ct);
    }

    // A property set in an object initializer carries the parameter.
    [HttpPut("{noteId}/pin")]
    public Task Pin(int noteId) => mediator.Send(new Pin.Command { NoteId = noteId }); // want: PUT /notes/{noteId}/pin

    // A request of another namespace, made by its constructor.
    [HttpPost("{noteId}/archive")]
    public async Task<IActionResult> Archive(int noteId, [FromQuery] string reason) // want: POST /notes/{noteId}/archive
    {
        await mediator.Send(new ArchiveNoteCommand(noteId, reason));
        return Ok();
    }

    // Lookalike: Send on a mailer, whose message type no class handles,
    // is the action's own code.
    [HttpPost("{noteId}/share")]
    public Task Share(int noteId) => mailer.Send(new Letter(noteId)); // want: POST /notes/{noteId}/share
}
