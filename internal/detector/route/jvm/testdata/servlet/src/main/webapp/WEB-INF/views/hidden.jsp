<%@ page contentType="text/html;charset=UTF-8" %>
<%-- Under WEB-INF and mapped nowhere: no route. --%>
<html><body><%= request.getParameter("x") %></body></html>
