using MediatR;

namespace Board.Features.Tags;

// Another feature's Remove.Command: the notes controller's is the one
// of its own namespace.
public class Remove
{
    public record Command(string Name) : IRequest;

    public class Handler(BoardContext db) : IRequestHandler<Command>
    {
        public async Task Handle(Command message, CancellationToken ct)
        {
            db.Tags.Remove(await db.Tags.FirstAsync(t => t.Name == message.Name, ct));
            await db.SaveChangesAsync(ct);
        }
    }
}
