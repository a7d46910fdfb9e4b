from flask_appbuilder import BaseView
from flask_appbuilder.api import BaseApi, expose


class AuditApi(BaseApi):
    route_base = "/audit"

    @expose("/events")  # want: GET /audit/events
    def events(self):
        return self.response(200)


class StatusView(BaseView):
    @expose("/")  # want: GET /statusview
    def index(self):
        return ""


class BaseReportView(BaseView):
    """A base for the report pages: its routes are served by the subclass."""

    @expose("/csv")
    def csv(self):
        return ""


class SalesReportView(BaseReportView):
    route_base = "/reports/sales"
    # want: GET /reports/sales/csv
