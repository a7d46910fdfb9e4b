package org.example.web;

// A form login keeps the check on, its token in a cookie the page reads.
@Configuration
public class FormSecurity {
    @Bean
    SecurityFilterChain chain(HttpSecurity http) throws Exception {
        http.formLogin(Customizer.withDefaults())
                .csrf().csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()); // want: control csrf-protection
        return http.build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable()).build(); // want: control csrf-disabled
    }
}
