package com.example.shop;

public final class Paths {
    public static final String API = "/api/v1";
    public static final String USERS = API + "/users";
    public static final String[] OPEN = {"/api/v1/public/**", "/health"};

    private Paths() {}
}
