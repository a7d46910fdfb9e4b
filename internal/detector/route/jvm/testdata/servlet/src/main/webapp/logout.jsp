<%@ page contentType="text/html;charset=UTF-8" %>
<!-- want: GET /logout.jsp -->
<%-- Sends everyone to the login page, whoever calls: it turns no one away. --%>
<%
    session.invalidate();
    response.sendRedirect(request.getContextPath() + "/login.jsp");
%>
