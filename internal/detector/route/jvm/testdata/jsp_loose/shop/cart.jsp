<%-- No WEB-INF and no conventional web root: the folder holding the app's pages serves them. --%>
<!-- want: GET /cart.jsp -->
<p>Cart</p>
