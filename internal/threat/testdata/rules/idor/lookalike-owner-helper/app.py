from flask import Flask, abort, jsonify
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
login = LoginManager(app)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, nullable=False)
    text = db.Column(db.Text)


def ensure_owner(note):
    if note.owner_id != current_user.id:
        abort(403)


# The owner check is one call away: the helper compares and refuses.
@app.delete("/api/notes/<int:note_id>")
@login_required
def remove_note(note_id):
    note = Note.query.get_or_404(note_id)
    ensure_owner(note)
    db.session.delete(note)
    db.session.commit()
    return jsonify(message="deleted")


# A compound condition: a missing note or another owner's both refuse.
@app.get("/api/notes/<int:note_id>")
@login_required
def show_note(note_id):
    note = Note.query.get(note_id)
    if not note or note.owner_id != current_user.id:
        abort(404)
    return jsonify(text=note.text)


# A permission asked before the lookup: a moderator's page reaches every
# note by design (its row is about the permission, not an owner).
@app.get("/api/moderation/notes/<int:note_id>")
@login_required
def moderate_note(note_id):
    if not current_user.has_perm("notes.moderate_note"):
        abort(403)
    note = Note.query.get_or_404(note_id)
    return jsonify(text=note.text)
