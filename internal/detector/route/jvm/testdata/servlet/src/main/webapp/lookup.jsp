<%@ page import="java.sql.*" %>
<!-- want: GET /lookup.jsp -->
<%
if (request.getParameter("id") != null) {
    Statement stmt = DriverManager.getConnection("jdbc:h2:mem:ledger").createStatement();
    stmt.executeQuery("select * from entries where id=" + request.getParameter("id"));
} else {
    out.print("Give an id");
}
%>
