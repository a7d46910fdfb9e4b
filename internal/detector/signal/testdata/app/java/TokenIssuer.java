package app.security;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;

public class TokenIssuer {
    private final java.security.Key key;

    TokenIssuer(java.security.Key key) {
        this.key = key;
    }

    // No expiry in the chain: the token works for as long as the key does.
    String issue(String subject) {
        // Jwts.builder() makes a new builder each time
        return Jwts.builder() // want: weakness jwt-no-expiry
                .setSubject(subject)
                .signWith(key, SignatureAlgorithm.HS512)
                .compact();
    }

    // The lookalike: the same chain with an expiry.
    String issueShort(String subject, java.util.Date until) {
        return Jwts.builder()
                .setSubject(subject)
                .setExpiration(until)
                .signWith(key, SignatureAlgorithm.HS512)
                .compact();
    }
}
