from django.urls import path
from graphene_django.views import GraphQLView

urlpatterns = [
    path("api/graphql/", GraphQLView.as_view(graphiql=True)),
]
