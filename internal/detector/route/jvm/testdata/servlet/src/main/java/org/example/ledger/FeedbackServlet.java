package org.example.ledger;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

// Mapped in web.xml; it writes what it was sent before it looks at the
// session, so every caller reaches the work.
public class FeedbackServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException { // want: POST /feedback
        HttpSession ses = request.getSession(true);
        Notes.save("feedback", request.getParameter("text"));
        if (SessionCheck.signedIn(ses)) {
            Notes.save(ses.getAttribute("member").toString(), "thanked");
        } else {
            response.sendRedirect("index.jsp");
        }
    }
}
