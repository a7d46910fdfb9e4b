// Lookalike: a Redis client imported and never used; an in-memory H2 (it
// keeps nothing); a JDBC prefix kept in a constant connects nothing; a
// JdbcTemplate with no SQL database the settings name.
package app;

import java.sql.DriverManager;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

public class Imports {
    static final String MYSQL_PREFIX = "jdbc:mysql://";
    private final JdbcTemplate jdbc;

    Imports(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    boolean mysql(String url) { return url.startsWith(MYSQL_PREFIX); }

    Object scratch() throws Exception { return DriverManager.getConnection("jdbc:h2:mem:scratch"); }
}

// Lookalike: a database tool's choices name driver classes and load none.
enum Engines {
    MYSQL("com.mysql.cj.jdbc.Driver"), POSTGRES("org.postgresql.Driver");

    final String driver;

    Engines(String driver) { this.driver = driver; }
}
