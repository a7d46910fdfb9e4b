<%@ page contentType="text/html;charset=UTF-8" import="java.sql.*,org.owasp.encoder.Encode" %>
<%@ include file="/WEB-INF/db.jspf" %>
<html><body>
<%-- A page is its servlet: request data pasted into SQL, and printed raw. --%>
<%
    String q = request.getParameter("q");
    Statement st = conn.createStatement();
    ResultSet rs = st.executeQuery("SELECT title FROM posts WHERE title LIKE '%" + q + "%'"); // want: sql-injection via=query
    PreparedStatement ps = conn.prepareStatement("SELECT title FROM posts WHERE author = ?");
    ps.setString(1, q);
    ResultSet mine = ps.executeQuery();
%>
<h1>Results for <%= q %></h1> <!-- want: xss via=query -->
<p>Escaped: <%= Encode.forHtml(q) %></p>
<p>Escaped too: <%= org.owasp.encoder.Encode.forHtml(q) %></p>
<p><%= q.length() %> characters</p>
<script>var query = "<%= Encode.forJavaScriptBlock(q) %>";</script>
<%
    if (request.getParameter("next") != null) {
        response.sendRedirect(request.getParameter("next")); // want: open-redirect via=query
    }
    // A page of this app, the value only its parameter.
    response.sendRedirect("find.jsp?q=" + q);
%>
<%-- <%= request.getParameter("old") %> is commented out and never runs. --%>
<% while (rs.next()) { %>
  <li><%= rs.getString("title") %></li>
<% } %>
</body></html>
