from flask import jsonify

from app import app, db


class Share(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, nullable=False)
    secret_note = db.Column(db.Text)


# The id reaches the lookup through a variable.
@app.get("/api/shares/<share_id>")
def show_share(share_id):
    key = int(share_id)
    share = Share.query.get_or_404(key)
    return jsonify(note=share.secret_note)
