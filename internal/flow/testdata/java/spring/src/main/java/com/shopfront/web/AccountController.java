package com.shopfront.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.persistence.EntityManager;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import com.shopfront.data.AccountStore;

@Controller
public class AccountController {
    @Autowired
    private Connection db;

    @Autowired
    private EntityManager em;

    @Autowired
    private AccountStore store;

    @PostMapping("/login")
    public String login(@RequestParam("username") String username, @RequestParam("password") String password) throws SQLException {
        String sql = "SELECT * FROM users WHERE username='" + username + "' AND password='" + password + "'";
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(sql); // want: sql-injection via=query
        return rs.next() ? "feed" : "login";
    }

    @GetMapping("/accounts/{id}/history")
    public String history(@PathVariable String id) {
        store.history(id);
        return "history";
    }

    @GetMapping("/accounts/search")
    public Object search(HttpServletRequest request) {
        String name = request.getParameter("name");
        return em.createQuery("select a from Account a where a.name = '" + name + "'").getResultList(); // want: sql-injection via=query
    }

    // Lookalike: a prepared statement with its value bound.
    @PostMapping("/accounts/rename")
    public String rename(@RequestParam("name") String name, @RequestParam("user") String user) throws SQLException {
        PreparedStatement ps = db.prepareStatement("UPDATE users SET real_name=? WHERE username=?");
        ps.setString(1, name);
        ps.setString(2, user);
        ps.execute();
        return "profile";
    }

    @GetMapping("/accounts/go")
    public String go(@RequestParam(value = "target", required = false) String target) {
        return "redirect:" + target; // want: open-redirect via=query
    }

    @GetMapping("/accounts/tab")
    public String tab(@RequestParam("tab") String tab) {
        String next = "redirect:/accounts?tab=" + tab;
        return next;
    }

    @GetMapping("/accounts/leave")
    public void leave(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        String to = request.getHeader("Referer");
        response.sendRedirect(to); // want: open-redirect via=header
    }

    // Lookalike: a target tested against an allow-list before use.
    @GetMapping("/accounts/back")
    public void back(@RequestParam("to") String to, HttpServletResponse response) throws java.io.IOException {
        if (!Pages.ALLOWED.contains(to)) {
            throw new IllegalArgumentException("unknown page");
        }
        response.sendRedirect(to);
    }

    // Lookalike: the allow-list is asked through a helper that returns
    // its answer.
    @GetMapping("/accounts/return")
    public void returnTo(@RequestParam("to") String to, HttpServletResponse response) throws java.io.IOException {
        if (!Pages.known(to)) {
            return;
        }
        response.sendRedirect(to);
    }

    // A helper that answers true whatever it is given checks nothing.
    @GetMapping("/accounts/again")
    public void again(@RequestParam("to") String to, HttpServletResponse response) throws java.io.IOException {
        if (!Pages.present(to)) {
            return;
        }
        response.sendRedirect(to); // want: open-redirect via=query
    }

    // Lookalike: a filter that gives the target back only when it is a
    // known page, and null otherwise.
    @GetMapping("/accounts/filtered")
    public void filtered(@RequestParam("to") String to, HttpServletResponse response) throws java.io.IOException {
        if (Pages.filter(to) == null) {
            return;
        }
        response.sendRedirect(to);
    }

    // A filter that refuses only a missing value checks nothing.
    @GetMapping("/accounts/unfiltered")
    public void unfiltered(@RequestParam("to") String to, HttpServletResponse response) throws java.io.IOException {
        if (Pages.orNull(to) == null) {
            return;
        }
        response.sendRedirect(to); // want: open-redirect via=query
    }

    @PostMapping("/accounts/tags")
    public String tags(@RequestParam("tags") java.util.List<String> tags) {
        tags.forEach(tag -> store.tag("UPDATE accounts SET tags = tags || '" + tag + "'"));
        return "profile";
    }
}
