from django.urls import path

from shop import views

urlpatterns = [
    path("", views.home),  # want: ANY / auth=none
    path("login/", views.sign_in),  # want: ANY /login auth=none
    path("orders/", views.OrderList.as_view()),  # want: GET /orders auth=required
    path("staff/", views.staff_panel),  # want: ANY /staff auth=required role=staff
    path("api/items/", views.ItemList.as_view()),  # want: GET /api/items auth=none; POST /api/items auth=required
    path("api/audit/", views.AuditLog.as_view()),  # want: GET /api/audit auth=required role=admin
    path("api/ping/", views.Ping.as_view()),  # want: GET /api/ping auth=none
    path("moderation/", views.moderation),  # want: ANY /moderation auth=required role=staff
    path("u/<str:username>/", views.profile),  # want: ANY /u/{username} auth=none
]
