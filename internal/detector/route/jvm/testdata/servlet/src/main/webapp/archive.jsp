<%@ page import="java.io.*" %>
<!-- want: GET /archive.jsp -->
<%
// A file opened for every caller before the test: work anyone reaches.
Writer trail = new FileWriter("archive.log", true);
if (session.getAttribute("member") != null) {
    trail.write("archive read by " + session.getAttribute("member"));
} else {
    out.print("Sign in to read the archive");
}
%>
