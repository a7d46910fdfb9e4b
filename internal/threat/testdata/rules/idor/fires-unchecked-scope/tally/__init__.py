from flask import Flask

from tally.web import web


def build():
    app = Flask(__name__)
    app.register_blueprint(web)
    return app
