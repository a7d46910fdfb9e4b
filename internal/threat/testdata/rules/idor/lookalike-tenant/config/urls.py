from django.urls import path

from kitchen import views

urlpatterns = [
    path("pantries/<int:pk>/", views.show_pantry),
    path("pantries/<int:pk>/label/", views.pantry_label),
    path("pantries/<int:pk>/export/", views.pantry_export),
]
