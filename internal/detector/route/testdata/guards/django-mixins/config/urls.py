from django.contrib.auth import views as auth_views
from django.urls import include, path

from clinic import views

urlpatterns = [
    path("", include("api.urls")),
    path("staff/", views.StaffPanel.as_view()),  # want: GET /staff auth=required role=staff
    path("staff/<int:pk>/", views.StaffEdit.as_view()),  # want: GET /staff/{pk} auth=required role=staff; POST /staff/{pk} auth=required role=staff
    path("notice/", views.Notice.as_view()),  # want: GET /notice auth=none
    path("reset/done/", auth_views.PasswordResetDoneView.as_view()),  # want: GET /reset/done auth=none
    path("password/", auth_views.PasswordChangeView.as_view()),  # want: GET /password auth=required; POST /password auth=required
]
