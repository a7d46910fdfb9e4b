package shelf;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class BookController {
    private final Connection db;

    public BookController(Connection db) {
        this.db = db;
    }

    @GetMapping("/books")
    public int books(@RequestParam("author") String author) throws SQLException {
        ResultSet rs = db.createStatement().executeQuery("SELECT id FROM books WHERE author = '" + author + "'");
        return rs.next() ? rs.getInt(1) : 0;
    }
}
