from django.urls import include, path
from graphene_django.views import GraphQLView
from rest_framework.routers import DefaultRouter

from api import views

router = DefaultRouter()
router.register("profiles", views.ProfileViewSet)

urlpatterns = [
    path("", include(router.urls)),
    path("notes/", views.NoteList.as_view()),
    path("notes/search/", views.NoteSearch.as_view()),
    path("notes/export/", views.NoteExport.as_view()),
    path("graphql", GraphQLView.as_view(graphiql=False)),
]
