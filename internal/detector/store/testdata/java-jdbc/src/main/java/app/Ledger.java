// A servlet-era DAO loads the PostgreSQL driver and connects with a URL
// from the environment.
// want: store postgres PostgreSQL
package app;

import java.sql.Connection;
import java.sql.DriverManager;

public class Ledger {
    public Connection open() throws Exception {
        Class.forName("org.postgresql.Driver");
        return DriverManager.getConnection(System.getenv("LEDGER_DB_URL"));
    }
}
