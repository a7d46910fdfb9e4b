package org.example.kennel;

@RestController
public class DogController {
    @GetMapping("/dogs") // want: GET /dogs
    public List<String> dogs() {
        return List.of();
    }
}
