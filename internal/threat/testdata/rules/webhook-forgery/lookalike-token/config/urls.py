from django.urls import path

from bots import views

urlpatterns = [
    path("chat/hook/<slug:token>/", views.hook),
]
