from django.contrib.auth.decorators import login_required
from django.urls import include, path, re_path

from . import views

app_name = "blog"

comment_patterns = [
    path("<int:pk>/delete/", views.delete_comment),  # want: POST /blog/comments/{pk}/delete
]

urlpatterns = [
    path("", views.index, name="index"),  # want: ANY /blog
    path("<int:pk>/", views.PostDetail.as_view(), name="detail"),  # want: GET /blog/{pk}
    path("new/", views.PostCreate.as_view()),  # want: GET /blog/new; POST /blog/new
    path("<slug:slug>/edit/", login_required(views.edit_post)),  # want: ANY /blog/{slug}/edit
    re_path(r"^archive/(?P<year>\d{4})/$", views.archive),  # want: ANY /blog/archive/{year}
    path("comments/", include(comment_patterns)),
    # path("drafts/", views.drafts),
]

urlpatterns += [
    path("feed/", views.FeedView.as_view()),  # want: GET /blog/feed
]
