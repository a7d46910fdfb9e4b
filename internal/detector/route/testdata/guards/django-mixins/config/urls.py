from django.contrib.auth import views as auth_views
from django.urls import include, path

from clinic import views
from lookalike import views as lookalike

urlpatterns = [
    path("", include("api.urls")),
    path("staff/", views.StaffPanel.as_view()),  # want: GET /staff auth=required role=staff
    path("staff/<int:pk>/", views.StaffEdit.as_view()),  # want: GET /staff/{pk} auth=required role=staff; POST /staff/{pk} auth=required role=staff
    path("visits/<int:pk>/restart/", views.VisitRestart.as_view()),  # want: POST /visits/{pk}/restart auth=required role=clinic.change_visit
    path("patients/<int:pk>/", views.PatientOwnerOnly.as_view()),  # want: GET /patients/{pk} auth=required role=test_func
    path("trays/<int:pk>/restart/", lookalike.TrayRestart.as_view()),  # want: POST /trays/{pk}/restart auth=required
    path("wards/<int:pk>/", views.WardEdit.as_view()),  # want: POST /wards/{pk} auth=required role=clinic.change_ward
    path("notice/", views.Notice.as_view()),  # want: GET /notice auth=none
    path("reset/done/", auth_views.PasswordResetDoneView.as_view()),  # want: GET /reset/done auth=none
    path("password/", auth_views.PasswordChangeView.as_view()),  # want: GET /password auth=required; POST /password auth=required
]
