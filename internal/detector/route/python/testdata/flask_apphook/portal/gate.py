from flask import Blueprint, abort, session

gate = Blueprint("gate", __name__)


# before_app_request runs for every request of the app, not only this
# blueprint's: it guards the pages too.
@gate.before_app_request
def signed_in_only():
    if "uid" not in session:
        abort(401)


@gate.route("/status")  # want: GET /gate/status
def status():
    return "up"
