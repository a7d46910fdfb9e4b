package com.shopfront.web;

import java.util.logging.Logger;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// Lookalike: java.util.logging formats no lookups.
@RestController
public class PlainAuditController {
    private static final Logger log = Logger.getLogger(PlainAuditController.class.getName());

    @GetMapping("/audit-plain")
    public ResponseEntity<Void> audit(@RequestParam String note) {
        log.info("audit note: " + note);
        return ResponseEntity.ok().build();
    }
}
