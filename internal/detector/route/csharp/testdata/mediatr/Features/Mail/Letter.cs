namespace Board.Features.Notes;

public record Letter(int NoteId);

public interface IMailer
{
    Task Send(Letter letter);
}
