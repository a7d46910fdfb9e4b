package com.shopfront.web;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

@RestController
public class FetchController {
    private final RestTemplate rest = new RestTemplate();

    @GetMapping("/preview")
    public byte[] preview(@RequestParam("url") String url) throws Exception {
        HttpURLConnection conn = (HttpURLConnection) new URL(url).openConnection(); // want: ssrf via=query
        try (InputStream in = conn.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @GetMapping("/proxy")
    public String proxy(@RequestParam("u") String u) {
        return rest.getForObject(u, String.class); // want: ssrf via=query
    }

    // Lookalike: the host is fixed; the request picks the item.
    @GetMapping("/items/{id}")
    public String item(@PathVariable("id") String id) {
        return rest.getForObject("https://catalog.example.com/items/" + id, String.class);
    }
}
