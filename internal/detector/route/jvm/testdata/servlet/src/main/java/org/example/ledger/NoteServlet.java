package org.example.ledger;

import java.io.IOException;
import java.util.logging.Logger;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

// Mapped in web.xml; its work runs only when the session check passes,
// and a caller without one is only logged and sent home.
public class NoteServlet extends HttpServlet {
    private static final Logger log = Logger.getLogger("notes");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException { // want: POST /notes
        log.info("notes");
        HttpSession ses = request.getSession(true);
        if (SessionCheck.signedIn(ses)) {
            Notes.save(ses.getAttribute("member").toString(), request.getParameter("note"));
            response.sendRedirect("inbox.jsp");
        } else {
            log.warning("note posted with no session");
            response.sendRedirect("index.jsp");
        }
    }
}
