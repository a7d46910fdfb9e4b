<%@ page import="java.sql.*" %>
<!-- want: GET /visits.jsp -->
<%
// getSession() makes a session when there is none: every caller passes.
if (request.getSession() != null) {
    Statement stmt = DriverManager.getConnection("jdbc:h2:mem:ledger").createStatement();
    stmt.executeUpdate("update pages set visits=visits+1");
} else {
    out.print("No session");
}
%>
