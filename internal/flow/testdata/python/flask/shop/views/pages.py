from flask import Blueprint, render_template, request
from markupsafe import escape

pages = Blueprint("pages", __name__)


@pages.route("/profile")
def profile():
    # templates/profile.html writes bio with |safe.
    return render_template("profile.html", bio=request.args.get("bio"), name=request.args.get("name"))


@pages.route("/notes", methods=["POST"])
def notes():
    context = {"note": request.form["note"], "title": "Notes"}
    return render_template("notes.html", **context)


@pages.route("/profile-escaped")
def profile_escaped():
    # Lookalike: the raw value is escaped first.
    return render_template("profile_escaped.html", bio=escape(request.args.get("bio")))


@pages.route("/profile-card")
def profile_card():
    # Lookalike: the template escapes what the request sent; only its
    # own constant is raw.
    return render_template("card.html", name=request.args.get("name"), banner="<b>hi</b>")


@pages.route("/page")
def page():
    return render_template(request.args["page"] + ".html")  # want: path-traversal via=query


# Lookalike: the request picks one of the app's own templates.
@pages.route("/page-safe")
def page_safe():
    name = request.args.get("page", "")
    if name not in ("about", "help"):
        name = "about"
    return render_template(name + ".html")
