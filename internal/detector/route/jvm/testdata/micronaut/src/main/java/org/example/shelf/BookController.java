package org.example.shelf;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;

@Controller(Paths.BOOKS)
@Secured(SecurityRule.IS_ANONYMOUS)
public class BookController implements BookApi {

    @Get("{?page,size}") // want: GET /shelf/books
    public List<Book> list(Integer page, Integer size) {
        return List.of();
    }

    @Post // want: POST /shelf/books
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<Book> create(@Body Book book) {
        return HttpResponse.created(book);
    }

    @Delete("/{id}") // want: DELETE /shelf/books/{id}
    @Secured({"ROLE_LIBRARIAN"})
    public HttpResponse<?> delete(long id) {
        return HttpResponse.noContent();
    }

    @Override
    public Book get(String isbn) {
        return new Book(isbn);
    }
}
