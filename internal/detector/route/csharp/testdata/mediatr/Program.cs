using Board.Features.Tags;
using MediatR;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
var app = builder.Build();
app.MapControllers();

// A minimal API endpoint that hands its request on: Remove.Command is
// the Tags feature's, the namespace this file imports.
app.MapDelete("/tags/{name}", (string name, ISender sender) => sender.Send(new Remove.Command(name))).RequireAuthorization(); // want: DELETE /tags/{name}

app.Run();
