from django.conf.urls import include, url

urlpatterns = [
    url(r'^', include('staff.urls', namespace="staff")),
]
