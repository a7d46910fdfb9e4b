<%@ page contentType="text/html;charset=UTF-8" %>
<!-- want: GET /staff/roster.jsp -->
<p>Roster</p>
