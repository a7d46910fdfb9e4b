package org.example.tally;

// An adapter nothing in this service enables: no endpoints of its own.
@Configuration
public class TallyClients extends AuthorizationServerConfigurerAdapter {
    @Override
    public void configure(ClientDetailsServiceConfigurer clients) throws Exception {
        clients.inMemory().withClient("reports").authorizedGrantTypes("client_credentials");
    }
}
