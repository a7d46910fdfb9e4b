from flask import jsonify

from app import app, db, login_required


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, nullable=False)
    text = db.Column(db.Text)


# The owner check was written, then commented out.
@app.get("/api/notes/<int:note_id>")
@login_required
def show_note(note_id):
    note = Note.query.get_or_404(note_id)
    # if note.owner_id != current_user.id: abort(403)
    return jsonify(id=note.id, text=note.text)
