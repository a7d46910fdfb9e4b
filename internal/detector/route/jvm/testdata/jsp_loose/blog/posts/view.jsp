<!-- want: GET /posts/view.jsp -->
<p><%= request.getParameter("id") %></p>
