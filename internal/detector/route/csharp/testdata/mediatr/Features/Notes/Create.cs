using MediatR;

namespace Board.Features.Notes;

public class Create
{
    public record Command(string Text) : IRequest<NoteEnvelope>;

    public class Handler(BoardContext db) : IRequestHandler<Command, NoteEnvelope>
    {
        public async Task<NoteEnvelope> Handle(Command request, CancellationToken ct)
        {
            var note = new Note { Text = request.Text };
            db.Notes.Add(note);
            await db.SaveChangesAsync(ct);
            return new NoteEnvelope(note);
        }
    }
}
