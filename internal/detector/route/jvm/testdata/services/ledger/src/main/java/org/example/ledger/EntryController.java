package org.example.ledger;

@RestController
public class EntryController {
    private final Members members;

    EntryController(Members members) {
        this.members = members;
    }

    // Served under the context path the config server's ledger.yml sets.
    @PostMapping("/") // want: POST /ledger
    public Member join(@Valid @RequestBody Member member) {
        return members.enrol(member);
    }

    @PostMapping("/notes") // want: POST /ledger/notes
    public Note leave(@RequestBody Note note) {
        return members.note(note);
    }

    @GetMapping("/entries") // want: GET /ledger/entries
    public List<Entry> entries(Principal principal) {
        return members.entriesOf(principal.getName());
    }
}
