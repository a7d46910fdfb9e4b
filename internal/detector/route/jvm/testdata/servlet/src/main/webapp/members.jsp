<%@ page contentType="text/html;charset=UTF-8" %>
<!-- want: GET /members.jsp -->
<%-- /members.jsp is not under /members/*: the filter does not run on it. --%>
<p>Join us</p>
