from flask import Blueprint
from flask_login import login_required

web = Blueprint("web", __name__)


# A Flask-Login session: the cookie authenticates it.
@web.route("/profile", methods=["POST"])  # want: POST /profile
@login_required
def profile():
    return "saved"


@web.route("/about")  # want: GET /about
def about():
    return "about"
