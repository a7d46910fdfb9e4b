package com.example.desk.web;

@RestController
public class DeskController {

    @GetMapping("/") // want: GET /
    public String home() { return "home"; }

    @GetMapping("/status") // want: GET /status
    public String status() { return "ok"; }

    // The pages chain permits /status, but the API chain takes this one.
    @GetMapping("/api/status") // want: GET /api/status
    public String apiStatus() { return "ok"; }

    @PostMapping("/api/auth/signin") // want: POST /api/auth/signin
    public String signin(@RequestBody String body) { return body; }

    // The pages chain permits /api/public/**, but it is tried after the
    // API chain, which takes every /api path.
    @GetMapping("/api/public/info") // want: GET /api/public/info
    public String info() { return "info"; }

    // The API chain permits /reports/**, but it never takes this path.
    @GetMapping("/reports/daily") // want: GET /reports/daily
    public String daily() { return "daily"; }

    @GetMapping("/help/faq") // want: GET /help/faq
    public String faq() { return "faq"; }

    @GetMapping("/signin") // want: GET /signin
    public String signinPage() { return "signin"; }

    // logout() without permitAll(): the page stays behind the login.
    @GetMapping("/signout") // want: GET /signout
    public String signout() { return "bye"; }

    @GetMapping("/admin/health") // want: GET /admin/health
    public String adminHealth() { return "ok"; }

    @DeleteMapping("/admin/users/{id}") // want: DELETE /admin/users/{id}
    public void remove(@PathVariable Long id) { }
}
