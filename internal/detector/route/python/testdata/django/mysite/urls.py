from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from blog import views as blog_views
from mysite.sites import ops_site, page_site
from tickets.api import api as tickets_api

urlpatterns = [
    path("admin/", admin.site.urls),  # want: ANY /admin
    path("ops/", ops_site.urls),  # want: ANY /ops
    path("pages/", page_site.urls),  # want: ANY /pages
    path("", TemplateView.as_view(template_name="home.html")),  # want: GET /
    path("blog/", include("blog.urls")),
    path("api/v1/", include(("api.urls", "api"), namespace="v1")),
    path("shop/", include("shop.urls")),
    path("v2/<int:org_id>/", tickets_api.urls),
    re_path(r"^legacy/(?P<year>[0-9]{4})/$", blog_views.archive),  # want: ANY /legacy/{year}
]
