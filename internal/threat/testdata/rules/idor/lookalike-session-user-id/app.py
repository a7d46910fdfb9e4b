from flask import Flask, abort, jsonify, request, session
from flask_login import login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120))
    password_hash = db.Column(db.String(128))


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    text = db.Column(db.Text)


# The same route, its user_id read off the signed-in session: the
# caller's own id scopes the lookup.
@app.get("/api/notes/<int:note_id>")
@login_required
def show_note(note_id):
    user_id = session["user_id"]
    note = Note.query.filter_by(id=note_id, user_id=user_id).first_or_404()
    return jsonify(id=note.id, text=note.text)
