package org.example.wiki;

@RestController
public class PageController {
    @GetMapping("/pages/{slug}") // want: GET /pages/{slug}
    public String page(@PathVariable String slug) {
        return slug;
    }
}
