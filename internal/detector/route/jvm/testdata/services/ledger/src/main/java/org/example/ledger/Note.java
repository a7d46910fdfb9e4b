package org.example.ledger;

// Posted by anyone, with no credential in it.
public class Note {
    private String author;
    private String text;
}
