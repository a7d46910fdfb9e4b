package com.shopfront.catalog;

final class Pages {
    private Pages() {
    }

    static String intro() {
        return "<em>Our picks</em>";
    }
}
