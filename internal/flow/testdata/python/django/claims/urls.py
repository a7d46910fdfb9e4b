from django.urls import path

from claims import views

urlpatterns = [
    path("upload/", views.upload),
    path("upload-named/", views.upload_named),
    path("<int:pk>/hits/", views.hits),
    path("hits-fixed/", views.hits_fixed),
    path("hits-default/", views.hits_default),
    path("restore/", views.restore_handler),
    path("restore-defaults/", views.restore_defaults),
    path("prefs/", views.prefs),
    path("prefs-safe/", views.prefs_safe),
    path("download/", views.download),
    path("download-named/", views.download_named),
    path("hello/", views.hello),
    path("hello-escaped/", views.hello_escaped),
]
