package org.example.ledger;

import java.io.IOException;
import javax.servlet.annotation.WebInitParam;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The nested init parameter's value is no URL pattern.
@WebServlet(name = "entries", urlPatterns = {"/entries", "/entries/*"},
    initParams = {@WebInitParam(name = "pageSize", value = "50")})
public class EntryServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException { // want: GET /entries; GET /entries/*
        resp.getWriter().print(req.getParameter("q"));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException { // want: POST /entries; POST /entries/*
        resp.setStatus(201);
    }
}
