from flask import Flask

from portal.gate import gate
from portal.pages import pages
from portal.staff import staff


def create_app():
    app = Flask(__name__)
    app.register_blueprint(gate, url_prefix="/gate")
    app.register_blueprint(pages)
    app.register_blueprint(staff, url_prefix="/staff")
    return app
