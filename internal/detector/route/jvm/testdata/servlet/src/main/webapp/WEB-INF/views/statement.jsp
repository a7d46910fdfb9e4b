<%@ page contentType="text/html;charset=UTF-8" %>
<!-- want: GET /statement -->
<html><body>Statement for <%= request.getParameter("month") %></body></html>
