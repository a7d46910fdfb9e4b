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


# The owner "check" compares the note's owner with a user_id the client
# sends in the query: whoever asks names the owner they like.
@app.get("/api/notes/<int:note_id>")
@login_required
def show_note(note_id):
    user_id = request.args.get("user_id")
    note = db.get_or_404(Note, note_id)
    if note.user_id != user_id:
        abort(403)
    return jsonify(id=note.id, text=note.text)
