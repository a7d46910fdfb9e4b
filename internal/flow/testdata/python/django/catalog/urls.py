from django.urls import path

from catalog import views

urlpatterns = [
    path("search/", views.search),
    path("search-orm/", views.search_orm),
    path("search-params/", views.search_params),
    path("legacy/", views.legacy),
    path("reports/<str:name>/", views.report),
    path("reports-safe/<str:name>/", views.report_safe),
    path("export/", views.ExportView.as_view()),
    path("login/", views.login_done),
    path("login-safe/", views.login_done_safe),
    path("welcome/", views.welcome),
    path("greeting/", views.greeting),
    path("greeting-plain/", views.greeting_plain),
    path("farewell/", views.farewell),
    path("shelf/", views.shelf),
    path("signup/", views.signup),
    path("lookup/", views.lookup),
    path("export-kind/", views.export),
    path("export-after/", views.export_after),
    path("export-checked/", views.export_checked),
]
