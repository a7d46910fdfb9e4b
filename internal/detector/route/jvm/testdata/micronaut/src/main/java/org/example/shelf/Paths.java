package org.example.shelf;

public final class Paths {
    public static final String BOOKS = "/books";

    private Paths() {}
}
