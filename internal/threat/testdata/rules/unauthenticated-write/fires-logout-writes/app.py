from flask import Flask, redirect, request, session
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)


class Draft(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    board = db.Column(db.String(64))


@app.route("/signout", methods=["POST"])
def sign_out():
    # Clears the session, but first deletes every draft of the board the
    # form names: a stored write anyone can make.
    Draft.query.filter_by(board=request.form["board"]).delete()
    db.session.commit()
    session.pop("uid", None)
    return redirect("/")
