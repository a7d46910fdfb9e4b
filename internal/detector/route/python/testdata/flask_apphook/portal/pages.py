from flask import Blueprint

pages = Blueprint("pages", __name__)


@pages.route("/about")  # want: GET /about
def about():
    return "about"
