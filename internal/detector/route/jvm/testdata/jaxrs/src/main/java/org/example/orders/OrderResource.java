package org.example.orders;

@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {
    @Inject
    OrderService orders;

    @GET // want: GET /api/orders
    public List<Order> list() {
        return orders.all();
    }

    @GET
    @Path("{id}") // want: GET /api/orders/{id}
    public Order get(@PathParam("id") long id) {
        return orders.find(id);
    }

    @POST // want: POST /api/orders
    @RolesAllowed("clerk")
    public Order create(Order order) {
        return orders.create(order);
    }

    @DELETE
    @Path("/{id: \\d+}") // want: DELETE /api/orders/{id}
    @DenyAll
    public void delete(@PathParam("id") long id) {
        orders.delete(id);
    }

    // A sub-resource locator, not a route of its own.
    @Path("/{id}/lines")
    public LineResource lines(@PathParam("id") long id) {
        return new LineResource(id);
    }
}
