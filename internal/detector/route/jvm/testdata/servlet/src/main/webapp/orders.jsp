<%@ page contentType="text/html;charset=UTF-8" %>
<!-- want: GET /orders.jsp -->
<%@ include file="/WEB-INF/jspf/signedin.jspf" %>
<p>Your orders</p>
