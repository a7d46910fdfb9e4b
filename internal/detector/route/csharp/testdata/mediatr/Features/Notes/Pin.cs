using MediatR;

namespace Board.Features.Notes;

public class Pin
{
    public class Command : IRequest
    {
        public int NoteId { get; init; }
    }

    public class Handler(BoardContext db) : IRequestHandler<Command>
    {
        public async Task Handle(Command cmd, CancellationToken ct)
        {
            var note = await db.Notes.FindAsync(cmd.NoteId);
            note.Pinned = true;
            await db.SaveChangesAsync(ct);
        }
    }
}
