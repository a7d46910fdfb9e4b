package com.shopfront.web;

import java.util.Set;

public final class Pages {
    public static final Set<String> ALLOWED = Set.of("/feed", "/profile");

    private Pages() {}
}
