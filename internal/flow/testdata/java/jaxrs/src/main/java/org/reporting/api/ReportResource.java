package org.reporting.api;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

@Path("/reports")
public class ReportResource {
    private static final Logger log = LogManager.getLogger(ReportResource.class);

    @GET
    @Path("/{name}")
    public String render(@PathParam("name") String name, @QueryParam("fmt") String fmt) throws Exception {
        Process p = Runtime.getRuntime().exec("report-tool --format " + fmt + " " + name); // want: command-injection via=query
        return String.valueOf(p.waitFor());
    }

    // Lookalike: log4j-core 2.17 resolves no lookups in messages.
    @GET
    @Path("/seen")
    public String seen(@QueryParam("who") String who) {
        log.info("seen by {}", who);
        return "ok";
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
