from flask import Flask

from .config import API_PREFIX
from .views import admin
from .views.users import users_bp


def create_app():
    app = Flask(__name__)
    app.config.from_object("shop.config")
    app.register_blueprint(users_bp, url_prefix=f"{API_PREFIX}/users")
    app.register_blueprint(admin.bp)

    @app.route("/health")  # want: GET /health
    def health():
        return {"ok": True}

    return app
