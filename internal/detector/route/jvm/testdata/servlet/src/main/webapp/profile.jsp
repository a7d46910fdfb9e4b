<%@ page contentType="text/html;charset=UTF-8" %>
<!-- want: GET /profile.jsp; POST /profile.jsp -->
<%
    if (session.getAttribute("user") == null) {
        response.sendRedirect("login.jsp");
        return;
    }
    if ("POST".equalsIgnoreCase(request.getMethod())) {
        session.setAttribute("bio", request.getParameter("bio"));
    }
%>
<p><%= session.getAttribute("bio") %></p>
