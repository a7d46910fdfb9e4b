from flask import Flask, redirect, render_template, url_for
from flask_login import current_user

app = Flask(__name__)


# A page for guests only: a caller who is signed in already is sent home.
# An anonymous caller is served: no guard.
@app.route("/forgot")  # want: GET /forgot auth=none
def forgot():
    if not current_user.is_anonymous:
        return redirect(url_for("home"))
    return render_template("forgot.html")


# The lookalike: a guest is sent to sign in.
@app.route("/home")  # want: GET /home auth=required
def home():
    if current_user.is_anonymous:
        return redirect(url_for("sign_in"))
    return render_template("home.html")


@app.route("/sign-in")  # want: GET /sign-in auth=none
def sign_in():
    return render_template("sign_in.html")
