package org.example.board;

import java.io.IOException;
import java.io.InputStream;
import javax.servlet.RequestDispatcher;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

// A forward to a path the request names reaches any page of the app,
// those under WEB-INF among them; a posted document parsed by a parser
// left as made expands its external entities.
@WebServlet("/go")
public class GoServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String to = req.getParameter("to");
        RequestDispatcher d = getServletContext().getRequestDispatcher(to); // want: path-traversal via=query
        d.forward(req, resp);
        // A fixed page: the request chooses nothing.
        req.getRequestDispatcher("/WEB-INF/views/home.jsp").include(req, resp);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        try {
            InputStream body = req.getInputStream();
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            DocumentBuilder b = f.newDocumentBuilder();
            Document doc = b.parse(new InputSource(body)); // want: xxe via=body
            SAXParser sp = SAXParserFactory.newInstance().newSAXParser();
            sp.parse(req.getInputStream(), new DefaultHandler()); // want: xxe via=body
        } catch (Exception e) {
            resp.sendError(400);
        }
    }
}
