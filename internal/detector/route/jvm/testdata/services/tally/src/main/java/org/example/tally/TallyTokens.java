package org.example.tally;

// No rules of its own: the resource server asks every request for a token.
@Configuration
@EnableResourceServer
public class TallyTokens extends ResourceServerConfigurerAdapter {
}
