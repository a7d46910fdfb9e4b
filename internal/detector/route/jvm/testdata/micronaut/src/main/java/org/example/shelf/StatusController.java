package org.example.shelf;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import jakarta.annotation.security.PermitAll;

// No @Secured: Micronaut Security rejects what no rule allows.
@Controller("/status")
public class StatusController {
    @Get // want: GET /shelf/status
    public String status() {
        return "ok";
    }

    @Get("/ping") // want: GET /shelf/status/ping
    @PermitAll
    public String ping() {
        return "pong";
    }
}
