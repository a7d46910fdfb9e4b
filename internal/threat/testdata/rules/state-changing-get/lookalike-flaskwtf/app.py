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


# The page and its form in one view: the write runs only when the form
# was submitted (a POST), so the GET route only renders.
@app.route("/notes/new", methods=["GET", "POST"])
@login_required
def new_note():
    form = NoteForm()
    if form.validate_on_submit():
        db.session.add(Note(text=form.text.data))
        db.session.commit()
        return redirect(url_for("new_note"))
    return render_template("note.html", form=form)
