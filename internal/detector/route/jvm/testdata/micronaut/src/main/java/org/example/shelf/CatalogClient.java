package org.example.shelf;

import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.annotation.Client;

// Lookalike: a declarative HTTP client calls these paths; it serves none.
@Client("https://catalog.example")
public interface CatalogClient {
    @Get("/books/{isbn}")
    Book lookup(String isbn);
}
