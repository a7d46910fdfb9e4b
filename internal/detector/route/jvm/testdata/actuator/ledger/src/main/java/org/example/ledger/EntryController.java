package org.example.ledger;

@RestController
public class EntryController {
    @GetMapping("/entries") // want: GET /entries
    public List<String> entries() {
        return List.of();
    }
}
