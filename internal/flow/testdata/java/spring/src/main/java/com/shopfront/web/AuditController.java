package com.shopfront.web;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AuditController {
    private static final Logger log = LogManager.getLogger(AuditController.class);

    // log4j-core 2.14 formats ${jndi:...} in what it logs.
    @GetMapping("/audit")
    public ResponseEntity<Void> audit(@RequestParam String note, @RequestHeader("User-Agent") String agent) {
        log.info("audit note: {}", note); // want: code-injection via=query
        log.warn(agent); // want: code-injection via=header
        log.info("audit done");
        return ResponseEntity.ok().build();
    }
}
