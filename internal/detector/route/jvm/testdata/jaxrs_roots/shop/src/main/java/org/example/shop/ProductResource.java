package org.example.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

@Path("/products")
public class ProductResource {
    @GET
    public String list() { // want: GET /api/products
        return "[]";
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") long id) { // want: GET /api/products/{id}
        return "{}";
    }
}
