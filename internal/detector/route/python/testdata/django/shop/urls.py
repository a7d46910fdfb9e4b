from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("products", views.ProductViewSet)  # want: GET /shop/products; POST /shop/products; GET /shop/products/{pk}; PUT /shop/products/{pk}; PATCH /shop/products/{pk}; DELETE /shop/products/{pk}; POST /shop/products/{pk}/view
router.register("reviews", views.ReviewViewSet)  # want: GET /shop/reviews; POST /shop/reviews; GET /shop/reviews/{pk}; PUT /shop/reviews/{pk}; PATCH /shop/reviews/{pk}; DELETE /shop/reviews/{pk}; POST /shop/reviews/{pk}/hide

urlpatterns = [
    path("orders/<int:order_id>/", views.OrderView.as_view()),  # want: GET /shop/orders/{order_id}; POST /shop/orders/{order_id}; PUT /shop/orders/{order_id}
    path("tickets/", views.TicketView.as_view()),  # want: GET /shop/tickets
    path("wishlist/", views.WishlistView.as_view()),  # want: GET /shop/wishlist; POST /shop/wishlist
    path("cart/", views.CartView.as_view()),  # want: GET /shop/cart; DELETE /shop/cart
    path("questions/", views.QuestionList.as_view()),  # want: GET /shop/questions; POST /shop/questions
    path("stock/", views.StockList.as_view()),  # want: GET /shop/stock; POST /shop/stock
    path("enter/", views.sign_in),  # want: ANY /shop/enter
    path("catalogue/", views.catalogue),  # want: ANY /shop/catalogue
    path("", include(router.urls)),
]
