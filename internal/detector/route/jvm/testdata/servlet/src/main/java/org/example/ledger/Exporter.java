package org.example.ledger;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// Has a doGet but is no servlet and is mapped nowhere: no route.
public class Exporter {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().print("csv");
    }
}
