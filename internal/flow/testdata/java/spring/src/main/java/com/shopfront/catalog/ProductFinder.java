package com.shopfront.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;
import org.hibernate.jdbc.Work;
import org.springframework.beans.factory.annotation.Autowired;

// SQL run on the session's own JDBC connection, inside Hibernate's work
// callbacks.
public class ProductFinder {
    @Autowired
    EntityManager em;

    public List<String> byName(Query q) {
        Session session = (Session) em.unwrap(Session.class);
        return session.doReturningWork(new ReturningWork<List<String>>() {
            @Override
            public List<String> execute(Connection c) throws SQLException {
                List<String> out = new ArrayList<>();
                String sql = "select name from product where name like '%" + q.getText() + "%'";
                ResultSet rs = c.createStatement().executeQuery(sql); // want: sql-injection via=body
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    public List<String> byTag(String tag) {
        Session session = em.unwrap(Session.class);
        return session.doReturningWork(c -> {
            List<String> out = new ArrayList<>();
            ResultSet rs = c.createStatement().executeQuery("select name from product where tag = '" + tag + "'"); // want: sql-injection via=query
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        });
    }

    public void retire(String sku) {
        em.unwrap(Session.class).doWork(c -> c.createStatement().executeUpdate("update product set retired = 1 where sku = '" + sku + "'")); // want: sql-injection via=param
    }

    // Lookalike: a getter of the bound form that returns the code's own
    // text, not a posted field.
    public List<String> sorted(Query q) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<String> out = new ArrayList<>();
            ResultSet rs = c.createStatement().executeQuery("select name from product order by " + q.getSort());
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        });
    }

    // Lookalike: the value bound to a prepared statement's placeholder.
    public List<String> byMaker(Query q) {
        Session session = em.unwrap(Session.class);
        return session.doReturningWork(c -> {
            List<String> out = new ArrayList<>();
            PreparedStatement ps = c.prepareStatement("select name from product where maker like ?");
            ps.setString(1, "%" + q.getText() + "%");
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        });
    }
}
