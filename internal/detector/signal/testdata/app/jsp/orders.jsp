<%@ page import="java.sql.*, java.io.*" %>
<%-- A page that reads its parameters into locals and uses them below: the data-flow frontend's to follow; only the rows it prints are this detector's. --%>
<%
String ref = request.getParameter("ref");
String where = " where ref='" + ref + "'";
String sort = request.getParameter("sort");
int page = Integer.parseInt(request.getParameter("page"));
Connection con = (Connection) application.getAttribute("db");
Statement st = con.createStatement();
ResultSet rs = st.executeQuery("select * from orders" + where);
ResultSet one = st.executeQuery("select * from orders where ref='" + request.getParameter("ref").trim() + "'");
ResultSet paged = st.executeQuery("select * from orders limit 20 offset " + page);
PreparedStatement ps = con.prepareStatement("select * from orders where ref = ?");
ps.setString(1, ref);
String title = rs.getString("title");
out.print("<h1>" + title + "</h1>"); // want: weakness xss
out.print("<p>No orders for " + ref + "</p>");
out.print("<p>Sorted &gt; by " + sort.length() + "</p>");
File doc = new File(application.getRealPath("/docs") + "/" + request.getParameter("doc"));
File fixed = new File(application.getRealPath("/docs/terms.txt"));
if (request.getParameter("next") != null) {
    response.sendRedirect(request.getParameter("next"));
}
response.sendRedirect("orders.jsp?ref=" + ref);
%>
<input name="ref" value="<%= ref %>">
<p><%= page %></p>
<p><%= title %></p> <%-- want: weakness xss --%>
<p><% if (sort != null) { out.print(org.apache.commons.text.StringEscapeUtils.escapeHtml4(sort)); } %></p>
