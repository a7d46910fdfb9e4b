from flask import Flask, redirect, render_template, url_for
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import FlaskForm
from wtforms import StringField

app = Flask(__name__)
db = SQLAlchemy(app)
login = LoginManager(app)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.String(200))


class NoteForm(FlaskForm):
    text = StringField("text")


# The form's branch is POST's, but the delete before it runs for every
# request, a GET from a link included.
@app.route("/notes/<int:note_id>/replace", methods=["GET", "POST"])
@login_required
def replace_note(note_id):
    db.session.delete(Note.query.get_or_404(note_id))
    db.session.commit()
    form = NoteForm()
    if form.validate_on_submit():
        db.session.add(Note(text=form.text.data))
        db.session.commit()
        return redirect(url_for("replace_note", note_id=note_id))
    return render_template("note.html", form=form)
