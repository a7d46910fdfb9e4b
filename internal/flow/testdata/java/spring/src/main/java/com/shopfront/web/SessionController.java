package com.shopfront.web;

import java.beans.XMLDecoder;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.Base64;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

@Controller
public class SessionController {

    @GetMapping("/remembered")
    public String remembered(HttpServletRequest request) throws Exception {
        Object who = Remember.fromRequest(request);
        return who == null ? "login" : "feed";
    }

    @PostMapping("/import")
    public String importPrefs(@RequestBody String xml) {
        XMLDecoder d = new XMLDecoder(new ByteArrayInputStream(xml.getBytes())); // want: unsafe-deserialization via=body
        d.readObject();
        return "prefs";
    }

    // Lookalike: objects read back from the server's own file.
    @GetMapping("/defaults")
    public String defaults() throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new FileInputStream("/etc/shop/defaults.bin"))) {
            in.readObject();
        }
        return "prefs";
    }
}

class Remember {
    static Object fromRequest(HttpServletRequest request) throws Exception {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if ("remember".equals(c.getName())) {
                byte[] raw = Base64.getDecoder().decode(c.getValue());
                ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw)); // want: unsafe-deserialization via=cookie
                return in.readObject();
            }
        }
        return null;
    }
}
