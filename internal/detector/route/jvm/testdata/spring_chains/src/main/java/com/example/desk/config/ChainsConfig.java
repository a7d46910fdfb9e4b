package com.example.desk.config;

// Three filter chains, written out of their order: Spring tries them by
// @Order, and the first whose matcher takes a request decides it alone.
@EnableWebSecurity
public class ChainsConfig {

    // Tried last: takes what the others do not.
    @Configuration
    @Order(3)
    public static class PagesConfig extends WebSecurityConfigurerAdapter {
        @Override
        protected void configure(HttpSecurity http) throws Exception {
            http
                .authorizeRequests()
                    .antMatchers("/", "/status", "/api/public/**").permitAll()
                    // A matcher built inside a rule picks that rule's requests.
                    .requestMatchers(antMatcher("/help/**")).permitAll()
                    .anyRequest().authenticated()
                .and()
                    .formLogin()
                    .loginPage("/signin")
                    .permitAll()
                .and()
                    .logout()
                    .logoutUrl("/signout");
        }
    }

    @Configuration
    @Order(1)
    public static class ApiConfig extends WebSecurityConfigurerAdapter {
        @Override
        protected void configure(HttpSecurity http) throws Exception {
            http.antMatcher("/api/**")
                .csrf().disable()
                .authorizeRequests()
                    .antMatchers("/api/auth/signin", "/reports/**").permitAll()
                    .anyRequest().authenticated();
        }
    }

    // Spring Security 6's lambda style, on a bean of its own.
    @Bean
    @Order(2)
    SecurityFilterChain adminChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/admin/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/admin/health").permitAll()
                .anyRequest().hasRole("ADMIN"));
        return http.build();
    }
}
