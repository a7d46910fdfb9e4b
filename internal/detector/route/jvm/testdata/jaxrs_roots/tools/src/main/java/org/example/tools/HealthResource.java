package org.example.tools;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

// Another module: the shop's @ApplicationPath does not serve it.
@Path("/health")
public class HealthResource {
    @GET
    public String ok() { // want: GET /health
        return "ok";
    }
}
