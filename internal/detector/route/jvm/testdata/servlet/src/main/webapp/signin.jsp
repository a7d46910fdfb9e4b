<%@ page contentType="text/html;charset=UTF-8" %>
<!-- want: GET /signin.jsp -->
<%-- The sign-in page sends a request for any other address to itself: it turns no one away. --%>
<%
    String url = request.getRequestURL().toString();
    if (!url.endsWith("signin.jsp")) {
        response.sendRedirect("signin.jsp");
        return;
    }
%>
<form action="j_security_check" method="post"><input name="j_username"></form>
