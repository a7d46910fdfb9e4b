from flask import Flask
from flask_appbuilder import AppBuilder, SQLA

from .apis import InvoiceApi, ReminderApi
from .views import ContactsView, PipelineView

app = Flask(__name__)
db = SQLA(app)
appbuilder = AppBuilder(app, db.session)

appbuilder.add_view(ContactsView, "Contacts", category="CRM")
appbuilder.add_view_no_menu(PipelineView())
appbuilder.add_api(InvoiceApi)
appbuilder.add_api(ReminderApi)
