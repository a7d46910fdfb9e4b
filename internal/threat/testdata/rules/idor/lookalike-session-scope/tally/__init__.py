from flask import Flask
from flask_restful import Api

from tally.api import LineResource
from tally.web import web


def build():
    app = Flask(__name__)
    app.register_blueprint(web)
    api = Api(app)
    api.add_resource(LineResource, "/api/sheets/<sheet_id>/lines/<int:line_id>")
    return app
