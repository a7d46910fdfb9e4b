<%@ page import="java.sql.*" %>
<!-- want: GET /guestbook.jsp -->
<%
Statement stmt = DriverManager.getConnection("jdbc:h2:mem:ledger").createStatement();
stmt.executeUpdate("insert into visits(page) values('guestbook')");
if (session.getAttribute("member") != null) {
    out.print("Thanks for signing, " + session.getAttribute("member"));
    stmt.executeUpdate("update members set visits=visits+1");
} else {
    out.print("Sign in to be counted");
}
%>
