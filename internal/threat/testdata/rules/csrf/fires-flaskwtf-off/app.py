from flask import Flask, redirect, render_template, url_for
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import FlaskForm
from wtforms import StringField

app = Flask(__name__)
app.config.from_object("config.ProductionConfig")
db = SQLAlchemy(app)
login = LoginManager(app)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.String(200))
    owner_id = db.Column(db.Integer)


class NoteForm(FlaskForm):
    text = StringField("text")


# No CSRFProtect: each form checks its own token in validate_on_submit,
# and every write is under it.
@app.route("/notes", methods=["GET", "POST"])
@login_required
def notes():
    form = NoteForm()
    if form.validate_on_submit():
        db.session.add(Note(text=form.text.data, owner_id=current_user.id))
        db.session.commit()
        return redirect(url_for("notes"))
    return render_template("notes.html", form=form)


@app.route("/notes/<int:note_id>/delete", methods=["POST"])
@login_required
def delete_note(note_id):
    form = NoteForm()
    if form.validate_on_submit():
        db.session.delete(Note.query.filter_by(id=note_id, owner_id=current_user.id).first_or_404())
        db.session.commit()
    return redirect(url_for("notes"))
