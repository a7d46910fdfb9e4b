<%@ page import="java.sql.*" %>
<!-- want: GET /signup.jsp -->
<%
if (session.getAttribute("member") == null) {
    Statement stmt = DriverManager.getConnection("jdbc:h2:mem:ledger").createStatement();
    stmt.executeUpdate("insert into members(name) values('" + request.getParameter("name") + "')");
} else {
    out.print("You already have an account");
}
%>
