from pyramid.httpexceptions import HTTPForbidden
from pyramid.view import view_config, view_defaults


@view_config(route_name="home", renderer="home.jinja2")
def home(request):
    return {}


@view_config(route_name="page", request_method="GET", permission="view", renderer="page.jinja2")
def show_page(request):
    return {"name": request.matchdict["name"]}


@view_defaults(route_name="edit", permission="edit", renderer="edit.jinja2")
class EditViews:
    def __init__(self, request):
        self.request = request

    @view_config(request_method="GET")
    def form(self):
        return {}

    @view_config(request_method="POST")
    def save(self):
        return {}


@view_config(route_name="purge", request_method="DELETE")
def purge(request):
    if request.authenticated_userid is None:
        raise HTTPForbidden()
    return {}


def health(request):
    return {"ok": True}


@view_config(route_name="drafts", renderer="json", is_authenticated=True)
def drafts(request):
    return []


@view_config(route_name="audit", request_method="GET", permission="audit", renderer="json")
def audit(request):
    return []
