from flask import Flask, redirect, render_template, url_for
from flask_login import LoginManager, UserMixin, current_user
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import FlaskForm
from wtforms import TextAreaField

app = Flask(__name__)
db = SQLAlchemy(app)
login = LoginManager(app)


class Member(UserMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True)
    password_hash = db.Column(db.String(128))
    may_write = db.Column(db.Boolean)

    def can(self, what):
        return self.may_write


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.Text)
    member_id = db.Column(db.Integer, db.ForeignKey("member.id"))


class NoteForm(FlaskForm):
    text = TextAreaField()


# Open to all for reading; a note is written only for a signed-in
# member allowed to write: an anonymous post writes nothing.
@app.route("/", methods=["GET", "POST"])
def board():
    form = NoteForm()
    if current_user.can("write") and form.validate_on_submit():
        db.session.add(Note(text=form.text.data, member_id=current_user.id))
        db.session.commit()
        return redirect(url_for("board"))
    return render_template("board.html", form=form, notes=Note.query.all())
