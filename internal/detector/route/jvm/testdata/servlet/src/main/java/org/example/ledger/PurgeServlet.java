package org.example.ledger;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

// Mapped in web.xml; only the staff reach the purge, the rest are told no.
public class PurgeServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException { // want: POST /purge
        HttpSession ses = request.getSession(true);
        if (SessionCheck.staff(ses)) {
            Notes.save("purge", request.getParameter("before"));
        } else {
            response.getWriter().print("Staff only");
        }
    }
}
