package com.shopfront.web;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;

@RestController
public class DirectoryController {

    private final Document directory;

    public DirectoryController(Document directory) {
        this.directory = directory;
    }

    @GetMapping("/directory/login")
    public String login(@RequestParam String user, @RequestParam String pass) throws XPathExpressionException {
        XPath xpath = XPathFactory.newInstance().newXPath();
        String query = "//user[name/text()='" + user + "' and pass/text()='" + pass + "']";
        return xpath.evaluate(query, directory); // want: xpath-injection via=query
    }

    @GetMapping("/directory/names")
    public Object names(@RequestParam String expr) throws XPathExpressionException {
        var xpath = XPathFactory.newInstance().newXPath();
        return xpath.compile(expr).evaluate(directory, XPathConstants.NODESET); // want: xpath-injection via=query
    }

    // Lookalike: a constant expression; the request only picks the result type.
    @GetMapping("/directory/count")
    public String count(@RequestParam String user) throws XPathExpressionException {
        XPath xpath = XPathFactory.newInstance().newXPath();
        return xpath.evaluate("count(//user)", directory) + user.length();
    }
}
