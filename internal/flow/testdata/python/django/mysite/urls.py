from django.urls import include, path

urlpatterns = [
    path("catalog/", include("catalog.urls")),
    path("api/", include("api.urls")),
    path("claims/", include("claims.urls")),
]
