package org.example.stock;

@RestController
public class ItemController {
    @GetMapping("/items") // want: GET /items
    public List<String> items() {
        return List.of();
    }
}
