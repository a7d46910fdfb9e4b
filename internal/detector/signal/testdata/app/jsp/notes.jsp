<%@ page import="java.sql.*, java.util.ResourceBundle" %>
<%-- Rows a query returned, printed; lookalikes: a resource bundle's text, an escaped column. --%>
<%
ResourceBundle labels = ResourceBundle.getBundle("labels");
Connection con = (Connection) application.getAttribute("db");
ResultSet notes = con.createStatement().executeQuery("select author, body from notes");
while (notes.next()) {
    String author = notes.getString("author");
    out.print("<li><b>" + author + "</b>: "); // want: weakness xss
    out.print(notes.getString("body") + "</li>"); // want: weakness xss
    out.print(org.owasp.encoder.Encode.forHtml(notes.getString("body")));
    out.print(notes.getInt("id"));
}
%>
<h2><%= labels.getString("notes.title") %></h2>
