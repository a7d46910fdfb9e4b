using MediatR;

namespace Board.Features.Notes;

public class Remove
{
    public record Command(int Id) : IRequest;

    public class Handler(BoardContext db) : IRequestHandler<Command>
    {
        public async Task Handle(Command message, CancellationToken ct)
        {
            var note = await db.Notes.FirstAsync(n => n.NoteId == message.Id, ct);
            db.Notes.Remove(note);
            await db.SaveChangesAsync(ct);
        }
    }
}
