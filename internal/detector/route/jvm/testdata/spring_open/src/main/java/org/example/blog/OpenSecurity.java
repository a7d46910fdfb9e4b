package org.example.blog;

// A lookalike: a security configuration that lets every request through.
@Configuration
public class OpenSecurity extends WebSecurityConfigurerAdapter {
    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeRequests()
            .antMatchers("/admin/**").permitAll()
            .anyRequest().permitAll();
    }
}
