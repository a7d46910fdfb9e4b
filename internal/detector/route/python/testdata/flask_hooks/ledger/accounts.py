from flask import Blueprint, redirect, request, url_for
from flask_login import current_user

accounts = Blueprint("accounts", __name__)


# Runs for every request of the app; it sends only a signed-in caller
# who has not verified yet to the pending page: an anonymous caller
# passes.
@accounts.before_app_request
def verify_first():
    if current_user.is_authenticated:
        current_user.touch()
        if not current_user.verified \
                and request.blueprint != "accounts":
            return redirect(url_for("accounts.pending"))


@accounts.route("/pending")  # want: GET /accounts/pending
def pending():
    return "check your inbox"
