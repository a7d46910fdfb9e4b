from django.conf import settings
from django.conf.urls.static import static
from django.urls import path

from blog import views

urlpatterns = [
    path("posts/", views.posts),  # want: route GET /posts
] + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)  # want: route GET /media/{path}; serves /media/avatars/ada.png

urlpatterns += static(settings.STATIC_URL, document_root=settings.STATIC_ROOT)  # want: route GET /static/{path}
