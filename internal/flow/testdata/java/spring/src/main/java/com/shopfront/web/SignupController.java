package com.shopfront.web;

import java.security.Principal;
import java.sql.Connection;
import java.sql.SQLException;
import javax.validation.Valid;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
public class SignupController {
    @Autowired
    private Connection db;

    // Bound with no annotation, and with @Valid alone: request data.
    @PostMapping("/signup")
    public String signup(@Valid SignupForm form, BindingResult result) throws SQLException {
        db.createStatement().executeUpdate("INSERT INTO members (name) VALUES ('" + form.getName() + "')"); // want: sql-injection via=body
        return "welcome";
    }

    @GetMapping("/members/find")
    public String find(SignupForm form, Model model) throws SQLException {
        db.createStatement().executeQuery("SELECT * FROM members WHERE city = '" + form.getCity() + "'"); // want: sql-injection via=query
        return "members";
    }

    // Lookalike: what the framework hands a handler, not the client.
    @GetMapping("/members/me")
    public String me(Model model, Principal principal) throws SQLException {
        db.createStatement().executeQuery("SELECT * FROM members WHERE name = '" + principal.getName() + "' AND city = '" + model.getAttribute("city") + "'");
        return "members";
    }
}
