using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Shop.Search;

public class Find
{
    public record Query(string Text) : IRequest<List<Item>>;

    public class Handler(ShopContext db) : IRequestHandler<Query, List<Item>>
    {
        public Task<List<Item>> Handle(Query query, CancellationToken ct) =>
            db.Items.FromSqlRaw("SELECT * FROM Items WHERE Name LIKE '%" + query.Text + "%'").ToListAsync(ct); // want: sql-injection via=body
    }
}

// Lookalike: the text goes in as a parameter of the interpolated query.
public class FindSafely
{
    public record Query(string Text) : IRequest<List<Item>>;

    public class Handler(ShopContext db) : IRequestHandler<Query, List<Item>>
    {
        public Task<List<Item>> Handle(Query query, CancellationToken ct) =>
            db.Items.FromSqlInterpolated($"SELECT * FROM Items WHERE Name LIKE {query.Text}").ToListAsync(ct);
    }
}
