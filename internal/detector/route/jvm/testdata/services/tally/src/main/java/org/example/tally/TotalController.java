package org.example.tally;

@RestController
public class TotalController {
    // tally names itself but takes no settings from a config server: the
    // server's tally.yml is not its configuration.
    @GetMapping("/totals") // want: GET /totals
    public List<Total> totals() {
        return List.of();
    }
}
