package com.example.notes

import org.springframework.web.bind.annotation.*

@RestController
@RequestMapping(Routes.NOTES)
class NoteController(private val notes: NoteRepository) {

    @GetMapping // want: GET /api/notes
    fun list(): List<Note> = notes.findAll()

    @GetMapping("/{id}") // want: GET /api/notes/{id}
    fun get(@PathVariable id: Long): Note = notes.findById(id).orElseThrow()

    @PostMapping(value = ["", "/import"]) // want: POST /api/notes; POST /api/notes/import
    fun create(@RequestBody note: Note): Note = notes.save(note)

    @DeleteMapping("/{id}") // want: DELETE /api/notes/{id}
    fun delete(@PathVariable id: Long) = notes.deleteById(id)
}

@RestController
@RequestMapping("$API/public")
class PingController {
    @GetMapping("/ping") // want: GET /api/public/ping
    fun ping() = "pong"
}

interface StatusApi {
    @GetMapping("/status")
    fun status(): String
}

@RestController
@RequestMapping(API)
class StatusController : StatusApi {
    override fun status() = "ok" // want: GET /api/status
}

@RequestMapping("/api/tags")
interface TagApi {
    @GetMapping("/{name}")
    fun tag(@PathVariable name: String): String
}

@RestController
class TagController : TagApi {
    override fun tag(name: String) = name // want: GET /api/tags/{name}
}
