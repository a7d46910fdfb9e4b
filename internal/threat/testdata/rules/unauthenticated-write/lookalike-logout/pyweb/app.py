from flask import Flask, redirect, session

app = Flask(__name__)


@app.route("/signout", methods=["POST"])
def sign_out():
    # Forgets the caller: the session's keys are removed and nothing
    # stored changes.
    session.pop("uid", None)
    session.pop("board", None)
    return redirect("/")
