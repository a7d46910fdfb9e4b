import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]

    @app.get("/")
    def home():
        return "ledger"

    return app


def main():
    # `python -m ledger.run`: a developer's own server.
    app = create_app()
    app.run(host="0.0.0.0", debug=True)


if __name__ == "__main__":
    main()
