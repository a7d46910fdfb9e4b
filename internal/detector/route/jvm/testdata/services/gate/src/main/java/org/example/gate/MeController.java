package org.example.gate;

@RestController
public class MeController {
    @GetMapping("/me") // want: GET /gate/me
    public Principal me(Principal principal) {
        return principal;
    }
}
