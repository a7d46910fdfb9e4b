ROOT_URLCONF = "mysite.urls"
INSTALLED_APPS = ["catalog", "api", "rest_framework", "graphene_django"]
GRAPHENE = {"SCHEMA": "api.schema.schema"}
