package org.example.ledger;

import java.io.FileWriter;
import java.io.IOException;

// Appends a note to its owner's file.
public final class Notes {
    public static void save(String owner, String text) throws IOException {
        try (FileWriter w = new FileWriter("notes/" + owner, true)) {
            w.write(text);
        }
    }
}
