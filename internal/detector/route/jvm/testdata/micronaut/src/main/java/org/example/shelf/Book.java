package org.example.shelf;

public record Book(String isbn) {}
