package com.example.shop.web;

import com.example.shop.Authorities;

// The URL rule names its authority through a constant
// (hasAuthority(Authorities.STAFF)): the role is the constant's value.
@RestController
@RequestMapping("/api/v1/staff")
public class StaffController {
    @GetMapping("/shifts") // want: GET /api/v1/staff/shifts
    public List<String> shifts() {
        return List.of();
    }
}

// Method security built by concatenation with a constant, as generated
// apps write it: the role is the constant's value.
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {
    @GetMapping("/monthly") // want: GET /api/v1/reports/monthly
    @PreAuthorize("hasAuthority(\"" + Authorities.MANAGER + "\")")
    public List<String> monthly() {
        return List.of();
    }

    // The lookalike: signed in, no role asked.
    @GetMapping("/mine") // want: GET /api/v1/reports/mine
    public List<String> mine() {
        return List.of();
    }
}
