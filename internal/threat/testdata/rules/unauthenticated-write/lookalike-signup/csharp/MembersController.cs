using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Club.Members;

// Sign-up is open by design: the action hands the request to its
// handler, which makes the caller's own account and returns a token.
[Route("members")]
public class MembersController(IMediator mediator)
{
    [HttpPost]
    public Task<MemberEnvelope> Join([FromBody] Join.Command command, CancellationToken ct) =>
        mediator.Send(command, ct);
}
