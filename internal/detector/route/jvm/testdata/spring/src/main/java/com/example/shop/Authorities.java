package com.example.shop;

public final class Authorities {
    public static final String STAFF = "ROLE_STAFF";
    public static final String MANAGER = "ROLE_MANAGER";

    private Authorities() {}
}
