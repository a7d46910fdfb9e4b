package org.example.auth;

// The token endpoint compares client secrets exactly as they are kept.
@Configuration
public class ClientSecrets extends AuthorizationServerConfigurerAdapter {
    @Override
    public void configure(AuthorizationServerSecurityConfigurer server) throws Exception {
        server.checkTokenAccess("isAuthenticated()")
                .passwordEncoder(NoOpPasswordEncoder.getInstance()); // want: weakness password-plaintext
    }
}
