package org.example.ops;

@RestController
public class JobController {
    @GetMapping("/jobs") // want: GET /jobs
    public List<String> jobs() {
        return List.of();
    }
}
