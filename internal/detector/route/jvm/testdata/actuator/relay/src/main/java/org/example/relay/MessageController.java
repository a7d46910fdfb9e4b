package org.example.relay;

@RestController
public class MessageController {
    @GetMapping("/messages") // want: GET /messages
    public List<String> messages() {
        return List.of();
    }
}
