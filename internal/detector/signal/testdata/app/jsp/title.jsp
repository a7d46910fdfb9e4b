<%-- The page trusts a cookie the client writes to say who is an admin;
     the lookalike reads the role from the session the server keeps. --%>
<%
String role = "";
Cookie[] cookies = request.getCookies();
if (cookies != null) {
    for (Cookie c : cookies) {
        if ("role".equals(c.getName())) {
            role = c.getValue();
        }
    }
}
if (role.equalsIgnoreCase("admin")) { // want: weakness client-role-check
    application.setAttribute("title", request.getParameter("title"));
}
String kept = (String) session.getAttribute("role");
if ("admin".equals(kept)) {
    out.print("<a href='settings.jsp'>Settings</a>");
}
%>
