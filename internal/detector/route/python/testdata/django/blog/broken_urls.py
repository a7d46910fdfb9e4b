from django.urls import path
from . import views

urlpatterns = [
    path("broken/", views.index
    path("also/<int:pk>/",
