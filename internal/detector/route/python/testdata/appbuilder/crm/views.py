from flask_appbuilder import BaseView, expose, has_access

from .plugins import expose as plugin_expose


class CrmBaseView(BaseView):
    """Shared by the CRM views; served only through a registered subclass."""

    @expose("/export/<fmt>")
    @has_access
    def export(self, fmt):
        return ""


class ContactsView(CrmBaseView):
    route_base = "/contacts"

    @expose("/")  # want: GET /contacts
    @has_access
    def index(self):
        return self.render_template("contacts.html")

    @expose("/<int:pk>/merge", methods=["GET", "POST"])  # want: GET /contacts/{pk}/merge; POST /contacts/{pk}/merge
    @has_access
    def merge(self, pk):
        return ""

    @expose("/card/<int:pk>")  # want: GET /contacts/card/{pk}
    def card(self, pk):
        return ""

    # want: GET /contacts/export/{fmt}

    @plugin_expose("/not-a-route")
    def hook(self):
        return ""

    def helper(self):
        return ""


class PipelineView(BaseView):
    @expose("/board")  # want: GET /pipelineview/board
    def board(self):
        return ""


class DraftView(BaseView):
    """Never registered: not served."""

    @expose("/draft")
    def draft(self):
        return ""
