package org.example.ledger;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// No mapping of its own: only the servlets extending it are served.
public abstract class BaseServlet extends HttpServlet {
    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException { // want: DELETE /export
        resp.sendError(405);
    }
}
