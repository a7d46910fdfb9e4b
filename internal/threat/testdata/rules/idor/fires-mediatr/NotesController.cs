using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Board.Notes;

[Route("notes")]
[Authorize]
public class NotesController(IMediator mediator) : ControllerBase
{
    [HttpDelete("{id}")]
    public Task Delete(int id, CancellationToken ct) => mediator.Send(new Remove.Command(id), ct);
}
