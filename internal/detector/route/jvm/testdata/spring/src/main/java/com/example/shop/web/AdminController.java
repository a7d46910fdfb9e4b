package com.example.shop.web;

@RestController
@RequestMapping(path = "/api/v1/admin")
public class AdminController {
    static final String STATS = "/stats";

    @GetMapping(STATS) // want: GET /api/v1/admin/stats
    public Map<String, Long> stats() {
        return Map.of();
    }

    @Secured("ROLE_AUDITOR")
    @PatchMapping("/audit/{entry}") // want: PATCH /api/v1/admin/audit/{entry}
    public void audit(@PathVariable String entry) {
    }
}

@RestController
class HealthController {
    @GetMapping("/health") // want: GET /health
    public String health() {
        return "ok";
    }
}

@RestController
class ErrorPageController {
    // The error path is a property; its default stands in.
    @RequestMapping("${server.error.path:${error.path:/error}}") // want: ANY /error
    public String error() {
        return "error";
    }
}
