using Microsoft.EntityFrameworkCore;

namespace Board;

public class BoardContext(DbContextOptions<BoardContext> options) : DbContext(options)
{
    public DbSet<User> Users { get; set; } = null!;
    public DbSet<Note> Notes { get; set; } = null!;
}

public class User
{
    public int UserId { get; set; }
    public string Email { get; set; } = "";
    public string PasswordHash { get; set; } = "";
}

public class Note
{
    public int NoteId { get; set; }
    public string Text { get; set; } = "";
    public int UserId { get; set; }
    public User User { get; set; } = null!;
}
