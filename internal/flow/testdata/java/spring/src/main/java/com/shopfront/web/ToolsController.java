package com.shopfront.web;

import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
public class ToolsController {

    @PostMapping("/tools/ping")
    public String ping(@RequestParam("host") String host) throws IOException {
        run("ping -c1 " + host);
        return "tools";
    }

    private void run(String line) throws IOException {
        Runtime.getRuntime().exec(new String[] {"bash", "-c", line}); // want: command-injection via=query
    }

    @PostMapping("/tools/archive")
    public String archive(@RequestParam String name) throws IOException {
        new ProcessBuilder("sh", "-c", "tar czf exports/out.tgz " + name).start(); // want: command-injection via=query
        return "tools";
    }

    // Lookalikes: a fixed program given its words (no shell), and a
    // count parsed as a number.
    @PostMapping("/tools/lookup")
    public String lookup(@RequestParam("host") String host, @RequestParam("count") String count) throws IOException {
        Runtime.getRuntime().exec(new String[] {"nslookup", host});
        int n = Integer.parseInt(count);
        Runtime.getRuntime().exec("ping -c " + n + " localhost");
        return "tools";
    }
}
