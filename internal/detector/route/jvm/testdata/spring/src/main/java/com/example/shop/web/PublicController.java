package com.example.shop.web;

@Controller
@RequestMapping("/api/v1/public")
public class PublicController {

    @RequestMapping(value = "/search", method = {RequestMethod.GET, RequestMethod.POST}) // want: GET /api/v1/public/search; POST /api/v1/public/search
    @ResponseBody
    public String search(@RequestParam String q) {
        return q;
    }

    // Served to anyone by the URL rules, but the handler turns away a
    // caller it cannot name.
    @GetMapping("/report") // want: GET /api/v1/public/report
    @ResponseBody
    public String report(Principal principal) {
        if (principal == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "sign in first");
        }
        return "report for " + principal.getName();
    }

    // A lookalike: an annotation that lets every caller through.
    @GetMapping("/terms") // want: GET /api/v1/public/terms
    @PreAuthorize("permitAll()")
    @ResponseBody
    public String terms() {
        return "terms";
    }

    // Asks only that a Bearer header is there: any "Bearer x" passes.
    @GetMapping("/usage") // want: GET /api/v1/public/usage
    public ResponseEntity<String> usage(@RequestHeader(value = "Authorization", required = false) String auth) {
        if (auth == null || !auth.startsWith("Bearer ")) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        return ResponseEntity.ok("usage");
    }

    // A lookalike: the same test, then the token is validated.
    @GetMapping("/quota") // want: GET /api/v1/public/quota
    public ResponseEntity<String> quota(@RequestHeader(value = "Authorization", required = false) String auth) {
        if (auth == null || !auth.startsWith("Bearer ")) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (!tokens.validateToken(auth.substring(7))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        return ResponseEntity.ok("quota");
    }
}

// Not a controller: Spring maps no route of a plain class.
class MappingHelper {
    @GetMapping("/not/a/route")
    public String helper() {
        return "";
    }
}
