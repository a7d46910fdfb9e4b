namespace Board.Application.Archive
{
    // A request of another namespace, made by its constructor.
    public class ArchiveNoteCommand : IRequest
    {
        public int NoteId { get; }

        public string Reason { get; }

        public ArchiveNoteCommand(int noteId, string reason)
        {
            this.NoteId = noteId;
            Reason = reason;
        }
    }

    public class ArchiveNoteCommandHandler : IRequestHandler<ArchiveNoteCommand, Unit>
    {
        private readonly BoardContext _db;

        public ArchiveNoteCommandHandler(BoardContext db) => _db = db;

        public async Task<Unit> Handle(ArchiveNoteCommand request, CancellationToken ct)
        {
            var note = await _db.Notes.FindAsync(request.NoteId);
            note.Archived = request.Reason;
            await _db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
