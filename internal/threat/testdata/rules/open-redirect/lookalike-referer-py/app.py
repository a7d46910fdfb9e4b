from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)


@app.route("/lang/<lang>")
def change_lang(lang):
    session["lang"] = lang
    # Back to the page the browser came from: the browser sets it, and it
    # names an attacker's page only when the victim was already there.
    return redirect(request.headers.get("Referer") or url_for("home"))


@app.route("/")
def home():
    return "home"
