from flask import Flask


def create_app():
    app = Flask(__name__)
    from app.cli import bp as tools_bp
    app.register_blueprint(tools_bp)
    return app
