using MediatR;

namespace Board.Notes;

public class Post
{
    public record Command(string Title, string Text) : IRequest<NoteEnvelope>;

    public class Handler(BoardContext db) : IRequestHandler<Command, NoteEnvelope>
    {
        public async Task<NoteEnvelope> Handle(Command request, CancellationToken ct)
        {
            var note = new Note { Title = request.Title, Text = request.Text };
            await db.Notes.AddAsync(note, ct);
            await db.SaveChangesAsync(ct);
            return new NoteEnvelope(note.Title);
        }
    }
}
