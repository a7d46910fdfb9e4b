using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Board.Notes;

// Any signed-in user deletes any user's note: the handler loads it
// by the path's id and never asks whose it is.
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
