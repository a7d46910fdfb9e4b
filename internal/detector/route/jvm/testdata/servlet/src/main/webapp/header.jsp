<%-- Included by other pages: a part of theirs, no route. --%>
<div class="header"><%= session.getAttribute("user") %></div>
