from flask import Flask
from flask_restful import Api, Resource

from .resources.users import UserListResource


class TenantApi(Api):
    """The app's own registration helpers around add_resource."""

    def add_tenant_resource(self, resource, *urls, **kwargs):
        return self.add_resource(resource, *urls, **kwargs)

    def add_single(self, resource, url, name=None):
        self.add_resource(resource, url, endpoint=name)

    def add_scoped(self, resource, *urls):
        urls = ["/<tenant>" + u for u in urls]
        return self.add_resource(resource, *urls)

    def describe(self, path):
        return {"path": path}


class Health(Resource):
    def get(self):
        return {"ok": True}


app3 = Flask(__name__)
v3 = TenantApi(app3, prefix="/v3")

v3.add_tenant_resource(
    UserListResource,
    "/members",  # want: GET /v3/members; POST /v3/members
    "/members/all",  # want: GET /v3/members/all; POST /v3/members/all
    endpoint="members",
)
v3.add_single(Health, "/health", name="health")  # want: GET /v3/health
v3.add_scoped(Health, "/status")  # want: missed 1
v3.describe("/not-a-route")
