from flask import Blueprint, g, session, url_for

from ledger.errors import SeeOther
from ledger.models import Book, Entry

books = Blueprint("books", __name__)


@books.url_value_preprocessor
def note_theme(endpoint, values):
    g.theme = session.get("theme", "light")


@books.url_value_preprocessor
def load_book(endpoint, values):
    if endpoint == "books.sign_in":
        return
    if not values:
        return
    wanted = values.pop("book_code", None)
    if wanted:
        book = Book.query.get(wanted)
        if book is None:
            raise SeeOther(url_for(".start"))
        by_link = endpoint == "books.shared"
        if session.get(book.code) or by_link:
            g.book = book
        else:
            raise SeeOther(url_for(".sign_in", book_code=wanted))


@books.route("/")  # want: GET /
def start():
    return "start"


@books.route("/<book_code>/sign-in", methods=["GET", "POST"])  # want: GET /{book_code}/sign-in; POST /{book_code}/sign-in
def sign_in(book_code=None):
    return "form"


@books.route("/<book_code>/shared/<token>")  # want: GET /{book_code}/shared/{token}
def shared(token):
    return "shared"


@books.route("/<book_code>/entries/<int:entry_id>")  # want: GET /{book_code}/entries/{entry_id}
def entry(entry_id):
    found = Entry.query.get(g.book, entry_id)
    return found.label


@books.route("/<book_code>/entries/<int:entry_id>/delete", methods=["POST"])  # want: POST /{book_code}/entries/{entry_id}/delete
def delete_entry(entry_id):
    found = Entry.query.filter_by(book_id=g.book.id, id=entry_id).first()
    found.remove()
    return "gone"
