package org.example.gate;

// The authorization server: Spring serves its token endpoints itself.
@Configuration
@EnableAuthorizationServer
public class TokenServer extends AuthorizationServerConfigurerAdapter {
    @Override
    public void configure(ClientDetailsServiceConfigurer clients) throws Exception { // want: POST /gate/oauth/token
        clients.inMemory()
                .withClient("web")
                .authorizedGrantTypes("refresh_token", "password")
                .scopes("ui");
    }

    @Override
    public void configure(AuthorizationServerSecurityConfigurer server) throws Exception { // want: GET /gate/oauth/token_key
        // want: POST /gate/oauth/check_token
        server.tokenKeyAccess("permitAll()");
    }
}
