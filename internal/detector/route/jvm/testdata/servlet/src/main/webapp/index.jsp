<%@ page contentType="text/html;charset=UTF-8" %>
<!-- want: GET /index.jsp -->
<jsp:include page="header.jsp"/>
<html><body>Welcome</body></html>
