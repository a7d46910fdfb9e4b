from flask import Blueprint, g, request

from ledger.models import Book, Note

notes = Blueprint("notes", __name__)


@notes.before_request
def pick_book():
    g.book = Book.query.get(request.args.get("book"))


@notes.route("/<int:note_id>")  # want: GET /notes/{note_id}
def note(note_id):
    found = Note.query.filter_by(book_id=g.book.id, id=note_id).first()
    return found.text
