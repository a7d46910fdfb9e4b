package com.shopfront.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.stereotype.Repository;

@Repository
public class AccountStore {
    private final Connection db;

    public AccountStore(Connection db) {
        this.db = db;
    }

    public void history(String id) {
        try {
            StringBuilder q = new StringBuilder();
            q.append("SELECT event FROM history WHERE account = '");
            q.append(id);
            q.append("'");
            Statement st = db.createStatement();
            st.execute(q.toString()); // want: sql-injection via=param
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void tag(String sql) {
        try {
            db.createStatement().executeUpdate(sql); // want: sql-injection via=query
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // Called by no route: its own parameter reaches the query.
    public void purge(String owner) throws SQLException {
        db.createStatement().executeUpdate("DELETE FROM history WHERE account = '" + owner + "'"); // want: sql-injection reach=none
    }
}
