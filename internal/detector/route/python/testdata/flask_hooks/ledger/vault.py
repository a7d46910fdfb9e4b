from flask import Blueprint, redirect, url_for
from flask_login import current_user

vault = Blueprint("vault", __name__)


# A lookalike: the refusal sits under the test that the caller is not
# signed in, so every anonymous caller is sent away.
@vault.before_request
def members_only():
    if not current_user.is_authenticated:
        if current_user.is_anonymous:
            return redirect(url_for("accounts.pending"))


@vault.route("/")  # want: GET /vault
def index():
    return "the vault"
