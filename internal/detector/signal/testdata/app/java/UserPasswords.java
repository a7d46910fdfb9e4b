package org.example.auth;

import org.springframework.security.crypto.password.NoOpPasswordEncoder;

// Users' passwords under BCrypt: a slow hash, whatever else the file imports.
@Configuration
public class UserPasswords {
    @Bean
    PasswordEncoder encoder() {
        return new BCryptPasswordEncoder();
    }
}
