from flask import Flask

from ledger.books import books
from ledger.notes import notes
from ledger.accounts import accounts
from ledger.vault import vault


def build():
    app = Flask(__name__)
    app.register_blueprint(books)
    app.register_blueprint(notes, url_prefix="/notes")
    app.register_blueprint(accounts, url_prefix="/accounts")
    app.register_blueprint(vault, url_prefix="/vault")
    return app
