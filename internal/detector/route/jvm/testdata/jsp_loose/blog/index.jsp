<!-- want: GET /index.jsp -->
<p>Blog</p>
