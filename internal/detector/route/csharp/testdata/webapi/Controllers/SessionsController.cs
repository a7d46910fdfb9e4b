using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers;

[Route("sessions")]
public class SessionsController(IMediator mediator)
{
    [HttpPost] // want: POST /sessions
    public Task<SessionEnvelope> Create([FromBody] LoginCommand command) => mediator.Send(command);
}

public class OrderSummary
{
    public IActionResult NotAnAction() => null;
}
