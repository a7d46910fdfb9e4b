namespace Web.Models;

// Owned through its navigation to the Identity user and its key.
// want: asset user-data Order Placed,Total
public class Order
{
    public int Id { get; set; }
    public string CustomerId { get; set; }
    public Customer Customer { get; set; }
    public DateTime Placed { get; set; }
    public decimal Total { get; set; }
    public List<OrderLine> Lines { get; set; }
}

// Owned through the order it belongs to (a required int key).
// want: asset user-data OrderLine Quantity
public class OrderLine
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public Order Order { get; set; }
    public int ProductId { get; set; }
    public Product Product { get; set; }
    public int Quantity { get; set; }
}
