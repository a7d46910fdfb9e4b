package org.example.clinic;

@Controller
public class VisitController {
    @GetMapping("/visits") // want: GET /visits
    public String visits(Model model) {
        return "visits";
    }
}
