package org.example.shelf;

import io.micronaut.http.annotation.Get;

public interface BookApi {
    @Get(uris = {"/isbn/{isbn}", "/by-isbn/{isbn}"}) // want: GET /shelf/books/isbn/{isbn}; GET /shelf/books/by-isbn/{isbn}
    Book get(String isbn);
}
