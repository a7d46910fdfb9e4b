<!-- want: GET /welcome.jsp -->
<%
if (session.getAttribute("member") != null) {
    out.print("Hello " + session.getAttribute("member"));
}
%>
<p>Welcome to the ledger, a page for everyone.</p>
