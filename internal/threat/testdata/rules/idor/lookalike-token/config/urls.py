from django.urls import path

from recipes import views

urlpatterns = [
    path("share/<slug:token>/", views.shared_recipe),
    path("abuse/<slug:token>/", views.report_abuse),
]
