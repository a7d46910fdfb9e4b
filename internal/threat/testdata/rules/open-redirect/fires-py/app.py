from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)


@app.route("/lang/<lang>")
def change_lang(lang):
    session["lang"] = lang
    # The query names where to go next: a link can carry any site.
    return redirect(request.args.get("next") or url_for("home"))


@app.route("/")
def home():
    return "home"
