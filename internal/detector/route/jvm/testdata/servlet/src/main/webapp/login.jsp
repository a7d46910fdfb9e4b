<%@ page contentType="text/html;charset=UTF-8" %>
<!-- want: GET /login.jsp; POST /login.jsp -->
<%
    String name = request.getParameter("name");
    if (name != null) {
        session.setAttribute("user", name);
        response.sendRedirect("index.jsp");
        return;
    }
%>
<form method="post">
  <input name="name"><input name="password" type="password">
</form>
