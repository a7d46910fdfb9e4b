package org.example.kiosk;

@RestController
public class MenuController {
    @GetMapping("/menu") // want: GET /menu
    public List<String> menu() {
        return List.of();
    }
}
