package org.example.ledger;

public class Member {
    private String username;
    private String password;

    public String getUsername() { return username; }
    public String getPassword() { return password; }
}
