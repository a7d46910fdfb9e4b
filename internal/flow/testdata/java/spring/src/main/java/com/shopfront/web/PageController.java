package com.shopfront.web;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

@Controller
public class PageController {

    @GetMapping("/hello")
    public void hello(@RequestParam("name") String name, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<h1>Hello " + name + "</h1>"); // want: xss via=query
    }

    // Lookalikes: escaped, and written as plain text.
    @GetMapping("/hello/escaped")
    public void escaped(@RequestParam("name") String name, HttpServletResponse response) throws IOException {
        response.setContentType("text/html");
        response.getWriter().write("<h1>Hello " + HtmlUtils.htmlEscape(name) + "</h1>");
    }

    @GetMapping("/hello/plain")
    public void plain(@RequestParam("name") String name, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("Hello " + name);
    }
}
