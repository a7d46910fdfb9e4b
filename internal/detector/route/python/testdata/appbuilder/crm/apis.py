from flask_appbuilder.api import BaseApi, expose
from flask_appbuilder.security.decorators import protect


class InvoiceApi(BaseApi):
    resource_name = "invoice"

    @expose("/<int:pk>/pdf", methods=("GET",))  # want: GET /api/v1/invoice/{pk}/pdf
    @protect()
    def pdf(self, pk):
        return self.response(200)

    @expose("/", methods=("POST",))  # want: POST /api/v1/invoice
    @protect()
    def create(self):
        return self.response(201)


class ReminderApi(BaseApi):
    version = "v2"

    @expose("/due")  # want: GET /api/v2/reminderapi/due
    def due(self):
        return self.response(200)


class Settings:
    route_base = "/settings"

    @expose("/")
    def show(self):
        return {}
