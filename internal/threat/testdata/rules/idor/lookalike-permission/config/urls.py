from django.urls import path

from nursery import views

urlpatterns = [
    path("timers/<int:pk>/restart/", views.TimerRestart.as_view()),
]
