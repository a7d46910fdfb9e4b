package org.example.ledger;

@Configuration
@EnableResourceServer
public class TokenConfig extends ResourceServerConfigurerAdapter {
    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.authorizeRequests()
                .antMatchers("/", "/notes").permitAll()
                .anyRequest().authenticated();
    }
}
