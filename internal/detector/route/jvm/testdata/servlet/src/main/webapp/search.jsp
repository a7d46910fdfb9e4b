<%@ page contentType="text/html;charset=UTF-8" %>
<!-- want: GET /search.jsp -->
<%-- It reads parameters, but its form is sent with GET. --%>
<form method="get" action="search.jsp"><input name="q"></form>
<p>Results for <%= request.getParameter("q") %></p>
