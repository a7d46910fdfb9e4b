from flask import Flask, request

from .db import db, User

app = Flask(__name__)


@app.post("/signup")
def signup():
    email = request.form["email"]
    password = request.form["password"]
    db.session.add(User(email=email, password=password))
    db.session.commit()
    return "", 201


def check_login(user, password):
    return user.password == password
