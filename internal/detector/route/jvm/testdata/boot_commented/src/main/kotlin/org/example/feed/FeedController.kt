package org.example.feed

// The security starter is commented out of the build: no default login.
@RestController
class FeedController {
    @GetMapping("/feed") // want: GET /feed
    fun feed(): List<String> = listOf()
}
