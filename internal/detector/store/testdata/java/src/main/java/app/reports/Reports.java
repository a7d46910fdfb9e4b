// A JdbcTemplate opens the SQL database the settings name (MySQL); an H2
// database on a file keeps the report archive.
// want: store h2 H2 database
package app.reports;

import java.sql.Connection;
import java.sql.DriverManager;
import org.springframework.jdbc.core.JdbcTemplate;

public class Reports {
    private final JdbcTemplate jdbc;

    Reports(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    public int count() { return jdbc.queryForObject("select count(*) from orders", Integer.class); }

    public Connection archive() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:./data/archive", "sa", "");
    }
}
