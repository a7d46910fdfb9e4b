<%@ page contentType="text/html;charset=UTF-8" import="org.hibernate.Session,org.hibernate.Query,java.util.List" %>
<%!
// A declaration is the page servlet's own method, which its scriptlets call.
private static List byName(Session s, String name) {
    Query q = s.createQuery("from Person where name = '" + name + "'"); // want: sql-injection via=query
    return q.list();
}

// The lookalike binds the value as a parameter of the query.
private static List byNameBound(Session s, String name) {
    Query q = s.createQuery("from Person where name = :name");
    q.setParameter("name", name);
    return q.list();
}
%>
<html><body>
<%
    Session db = factory.openSession();
    List found = byName(db, request.getParameter("name"));
    List bound = byNameBound(db, request.getParameter("name"));
%>
<p><%= found.size() %> people</p>
</body></html>
