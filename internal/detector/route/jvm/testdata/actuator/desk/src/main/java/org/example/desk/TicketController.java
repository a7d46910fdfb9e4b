package org.example.desk;

@RestController
public class TicketController {
    @GetMapping("/tickets") // want: GET /tickets
    public List<Ticket> tickets() {
        return List.of();
    }
}
