from flask import Flask, request
from flask_login import LoginManager, login_user
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
login = LoginManager(app)


class Member(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80), unique=True)


@app.route("/members", methods=["POST"])
def join():
    # The caller's own account, made and signed in.
    member = Member(name=request.form["name"])
    db.session.add(member)
    db.session.commit()
    login_user(member)
    return {"id": member.id}, 201
