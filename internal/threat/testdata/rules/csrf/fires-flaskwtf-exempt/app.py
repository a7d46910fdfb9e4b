from flask import Flask, redirect, request, url_for
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
db = SQLAlchemy(app)
login = LoginManager(app)
csrf = CSRFProtect(app)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.String(200))
    owner_id = db.Column(db.Integer)


# CSRFProtect checks every form post but this one: exempted, and no form
# of its own checks a token.
@app.route("/notes/<int:note_id>/delete", methods=["POST"])
@csrf.exempt
@login_required
def delete_note(note_id):
    db.session.delete(Note.query.filter_by(id=note_id, owner_id=current_user.id).first_or_404())
    db.session.commit()
    return redirect(url_for("index"))
