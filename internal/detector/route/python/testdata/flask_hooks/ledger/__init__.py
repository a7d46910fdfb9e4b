from flask import Flask

from ledger.books import books
from ledger.notes import notes


def build():
    app = Flask(__name__)
    app.register_blueprint(books)
    app.register_blueprint(notes, url_prefix="/notes")
    return app
