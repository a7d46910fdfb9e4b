package org.reporting.api;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;

@Path("/reports")
public class ReportResource {

    @GET
    @Path("/{name}")
    public String render(@PathParam("name") String name, @QueryParam("fmt") String fmt) throws Exception {
        Process p = Runtime.getRuntime().exec("report-tool --format " + fmt + " " + name); // want: command-injection via=query
        return String.valueOf(p.waitFor());
    }

    // Lookalike: a number parsed from the query.
    @GET
    @Path("/page")
    public String page(@QueryParam("n") String n) throws Exception {
        long page = Long.parseLong(n);
        Process p = Runtime.getRuntime().exec("report-tool --page " + page);
        return String.valueOf(p.waitFor());
    }
}
