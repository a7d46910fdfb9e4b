from flask import Blueprint, abort, session

staff = Blueprint("staff", __name__)


# The blueprint's own hook runs after the app-wide one: the
# app-wide hook is the first guard of /staff.
@staff.before_request
def staff_only():
    if not session.get("staff"):
        abort(403)


@staff.route("/board")  # want: GET /staff/board
def board():
    return "board"
