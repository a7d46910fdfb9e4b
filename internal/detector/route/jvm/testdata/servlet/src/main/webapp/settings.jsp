<!-- want: GET /settings.jsp -->
<%
if (session.getAttribute("role") != null && session.getAttribute("role").equals("admin")) {
%>
<form action="settings.do" method="POST"><input name="title"/></form>
<%
} else {
    out.print("Not allowed here");
}
%>
