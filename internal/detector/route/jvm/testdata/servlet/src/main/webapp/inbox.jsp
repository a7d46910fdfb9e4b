<%@ page import="java.sql.*" %>
<!-- want: GET /inbox.jsp -->
<%
Calendar now = new GregorianCalendar();
String banner = SiteText.readBanner("inbox");
if (session.getAttribute("member") != null)
{
    Connection con = DriverManager.getConnection("jdbc:h2:mem:ledger");
    Statement stmt = con.createStatement();
    ResultSet rs = stmt.executeQuery("select subject from notes where owner='" + session.getAttribute("member") + "'");
    while (rs.next()) {
        out.print(rs.getString("subject"));
    }
}
else
{
    out.print("<b>Sign in to read your notes</b>");
}
%>
