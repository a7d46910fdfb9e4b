from flask import Flask

from shop.views.files import files
from shop.views.items import items
from shop.views.admin import admin
from shop.views.pages import pages
from shop.views.hooks import hooks
from shop.events import socketio


def create_app():
    app = Flask(__name__)
    app.register_blueprint(items, url_prefix="/items")
    app.register_blueprint(files, url_prefix="/files")
    app.register_blueprint(admin, url_prefix="/admin")
    app.register_blueprint(pages, url_prefix="/pages")
    app.register_blueprint(hooks)
    socketio.init_app(app)
    return app
