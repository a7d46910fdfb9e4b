package org.example.api;

// A bearer-token API turns the check off: it is no CSRF protection.
@Configuration
public class TokenApiSecurity extends WebSecurityConfigurerAdapter {
    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeRequests().anyRequest().authenticated()
                .and()
                .csrf().disable(); // want: control csrf-disabled
    }
}
