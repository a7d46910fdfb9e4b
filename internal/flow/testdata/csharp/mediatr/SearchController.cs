using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Search;

// The actions hand their requests to MediatR handlers: what the handler
// does with the request is the route's.
[Route("search")]
public class SearchController(IMediator mediator) : ControllerBase
{
    [HttpGet]
    public Task<List<Item>> Get([FromQuery] string q) => mediator.Send(new Find.Query(q));

    [HttpGet("safe")]
    public Task<List<Item>> Safe([FromQuery] string q) => mediator.Send(new FindSafely.Query(q));
}
