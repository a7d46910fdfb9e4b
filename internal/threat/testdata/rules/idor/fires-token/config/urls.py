from django.urls import path

from recipes import views

urlpatterns = [
    path("share-links/<int:token_id>/", views.share_link),
]
