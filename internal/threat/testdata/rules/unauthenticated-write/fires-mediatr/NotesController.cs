using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Board.Notes;

// No [Authorize]: anyone may post to the board, and the handler the
// action hands the request to writes it.
[Route("notes")]
public class NotesController(IMediator mediator)
{
    [HttpPost]
    public Task<NoteEnvelope> Post([FromBody] Post.Command command, CancellationToken ct) =>
        mediator.Send(command, ct);
}
