package org.example.blog;

@RestController
public class PostController {
    private final PostRepository posts;
    private final JdbcTemplate jdbc;

    PostController(PostRepository posts, JdbcTemplate jdbc) {
        this.posts = posts;
        this.jdbc = jdbc;
    }

    @GetMapping("/posts/{id}") // want: GET /posts/{id}
    public Post post(@PathVariable long id) {
        return posts.findById(id).orElseThrow();
    }

    @GetMapping("/posts/search") // want: GET /posts/search
    public List<Map<String, Object>> search(@RequestParam String title) {
        return jdbc.queryForList("SELECT * FROM posts WHERE title = '" + title + "'");
    }

    // Method security is not turned on anywhere in this tree: Spring
    // ignores the annotation.
    @Secured("ROLE_ADMIN")
    @DeleteMapping("/admin/posts/{id}") // want: DELETE /admin/posts/{id}
    public void delete(@PathVariable long id) {
        posts.deleteById(id);
    }

    @PostMapping("/admin/posts/{id}/publish") // want: POST /admin/posts/{id}/publish
    public ResponseEntity<Void> publish(@PathVariable long id, Authentication auth) {
        if (auth == null || !auth.getAuthorities().contains(new SimpleGrantedAuthority("ROLE_EDITOR"))) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        posts.publish(id);
        return ResponseEntity.ok().build();
    }
}
