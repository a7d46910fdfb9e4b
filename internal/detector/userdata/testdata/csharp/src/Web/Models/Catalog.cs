namespace Web.Models;

// The catalogue: no one's. Its last editor is a reference the row
// outlives (a shadow key, optional).
public class Product
{
    public int Id { get; set; }
    public string Title { get; set; }
    public decimal Price { get; set; }
    public Customer LastEditedBy { get; set; }
}

// A bare key to the user, no navigation property.
// want: asset user-data Review Stars
public class Review
{
    public int Id { get; set; }
    public string AuthorUserId { get; set; }
    public int ProductId { get; set; }
    public Product Product { get; set; }
    public int Stars { get; set; }
}

public abstract class Ticket
{
    public int Id { get; set; }
    public string ContactEmail { get; set; }
}

// Its base's fields are its own: EF maps inherited properties.
// want: asset user-data SupportTicket ContactEmail
public class SupportTicket : Ticket
{
    public string Subject { get; set; }
}

// Named by modelBuilder.Entity<T>() only.
// want: asset user-data SavedCard CardLast4
public class SavedCard
{
    public int Id { get; set; }
    public string CardLast4 { get; set; }
}
