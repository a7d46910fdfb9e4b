from flask import Flask, jsonify
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
login = LoginManager(app)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, nullable=False)
    text = db.Column(db.Text)


# The owner is compared only after the note is gone, to choose the
# message: the comparison protects nothing.
@app.delete("/api/notes/<int:note_id>")
@login_required
def remove_note(note_id):
    note = Note.query.get_or_404(note_id)
    db.session.delete(note)
    db.session.commit()
    message = "deleted"
    if note.owner_id != current_user.id:
        message = "deleted, though it was not yours"
    return jsonify(message=message)
