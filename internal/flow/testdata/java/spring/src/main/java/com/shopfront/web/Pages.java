package com.shopfront.web;

import java.util.Set;

public final class Pages {
    public static final Set<String> ALLOWED = Set.of("/feed", "/profile");

    private Pages() {}

    public static boolean known(String page) {
        return ALLOWED.contains(page);
    }

    public static String filter(String page) {
        if (page == null) {
            return null;
        }
        try {
            if (!ALLOWED.contains(page.trim())) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return page;
    }

    public static String orNull(String page) {
        if (page == null) {
            return null;
        }
        return page;
    }

    public static boolean present(String page) {
        return page != null;
    }
}
