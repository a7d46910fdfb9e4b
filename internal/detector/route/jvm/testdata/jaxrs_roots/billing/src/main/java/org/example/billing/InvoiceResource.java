package org.example.billing;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

@Path("invoices")
public class InvoiceResource {
    @POST
    public String create(String body) { // want: POST /billing/v1/invoices
        return body;
    }
}
