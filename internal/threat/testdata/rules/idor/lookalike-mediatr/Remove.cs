using System.Net;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Board.Notes;

// The handler refuses unless the note is the caller's own.
public class Remove
{
    public record Command(int Id) : IRequest;

    public class Handler(BoardContext db, ICurrentUser currentUser) : IRequestHandler<Command>
    {
        public async Task Handle(Command message, CancellationToken ct)
        {
            var note = await db.Notes.FirstAsync(n => n.NoteId == message.Id, ct);
            if (note.UserId != currentUser.Id)
            {
                throw new HttpException(HttpStatusCode.Forbidden);
            }
            db.Notes.Remove(note);
            await db.SaveChangesAsync(ct);
        }
    }
}
