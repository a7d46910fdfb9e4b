package com.example.shop.web;

import static com.example.shop.Paths.USERS;

@RestController
@RequestMapping(USERS)
public class UserController {
    private final UserRepository users;

    public UserController(UserRepository users) {
        this.users = users;
    }

    @GetMapping("/{id}") // want: GET /api/v1/users/{id}
    public User get(@PathVariable Long id) {
        return users.findById(id).orElseThrow();
    }

    @PutMapping(path = "/{id}") // want: PUT /api/v1/users/{id}
    public User update(@PathVariable("id") Long userId, @RequestBody User user) {
        user.setId(userId);
        return users.save(user);
    }

    @DeleteMapping("/{id}") // want: DELETE /api/v1/users/{id}
    @PreAuthorize("hasRole('ADMIN')")
    public void delete(@PathVariable UUID id) {
        users.deleteById(id);
    }
}
