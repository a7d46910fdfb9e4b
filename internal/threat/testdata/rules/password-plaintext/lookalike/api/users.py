from flask import Flask, request
from werkzeug.security import check_password_hash, generate_password_hash

from .db import db, User

app = Flask(__name__)


@app.post("/signup")
def signup():
    email = request.form["email"]
    password = request.form["password"]
    db.session.add(User(email=email, password_hash=generate_password_hash(password)))
    db.session.commit()
    return "", 201


def check_login(user, password):
    return check_password_hash(user.password_hash, password)
