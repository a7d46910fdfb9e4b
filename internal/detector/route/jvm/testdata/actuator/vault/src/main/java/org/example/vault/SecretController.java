package org.example.vault;

@RestController
public class SecretController {
    @GetMapping("/secrets") // want: GET /secrets
    public List<String> secrets() {
        return List.of();
    }
}
