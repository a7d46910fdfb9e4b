from django.urls import include, path
from rest_framework import routers
from rest_framework.authtoken.views import obtain_auth_token

from . import views

router = routers.DefaultRouter()
router.register(r"users", views.UserViewSet)  # want: GET /api/v1/users; POST /api/v1/users; GET /api/v1/users/{pk}; PUT /api/v1/users/{pk}; PATCH /api/v1/users/{pk}; DELETE /api/v1/users/{pk}
router.register(r"articles", views.ArticleViewSet, basename="article")  # want: GET /api/v1/articles; GET /api/v1/articles/{slug}
router.register("comments", views.CommentViewSet)  # want: GET /api/v1/comments; POST /api/v1/comments; POST /api/v1/comments/{pk}/flag; GET /api/v1/comments/recent

urlpatterns = [
    path("", include(router.urls)),
    path("auth/token/", obtain_auth_token),  # want: ANY /api/v1/auth/token
    path("me/", views.MeView.as_view()),  # want: GET /api/v1/me; PUT /api/v1/me; PATCH /api/v1/me
    path("ping/", views.ping),  # want: GET /api/v1/ping
]
