package org.example.dash;

// This dashboard asks for a login: its stream proxy is guarded.
@Configuration
public class DashSecurity extends WebSecurityConfigurerAdapter {
    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeRequests().anyRequest().authenticated().and().httpBasic();
    }
}
