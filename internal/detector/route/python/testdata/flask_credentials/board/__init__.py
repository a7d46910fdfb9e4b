from flask import Flask

from board.api import api
from board.web import web
from board.keys import keys


def create_app():
    app = Flask(__name__)
    app.register_blueprint(api, url_prefix="/api")
    app.register_blueprint(web)
    app.register_blueprint(keys, url_prefix="/keys")
    return app
