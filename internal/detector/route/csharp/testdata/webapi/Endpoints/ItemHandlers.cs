namespace Shop.Endpoints;

public static class ItemHandlers
{
    public static async Task<IResult> Delete(int id, ShopDb db)
    {
        var item = await db.Items.FindAsync(id);
        db.Items.Remove(item);
        await db.SaveChangesAsync();
        return Results.NoContent();
    }
}
