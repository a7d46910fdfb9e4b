package org.example.notes;

// Spring Security is on the classpath and nothing configures it: Spring
// Boot asks every caller to log in.
@RestController
@RequestMapping("/notes")
public class NoteController {
    private final NoteRepository notes;

    NoteController(NoteRepository notes) {
        this.notes = notes;
    }

    @GetMapping("/{id}") // want: GET /app/notes/{id}
    public Note get(@PathVariable long id) {
        return notes.findById(id).orElseThrow();
    }
}
