from flask import Blueprint, g, jsonify
from flask_httpauth import HTTPBasicAuth

api = Blueprint("api", __name__)
basic = HTTPBasicAuth()


@basic.verify_password
def check(name_or_token, password):
    g.current_user = name_or_token
    return bool(password)


# The blueprint's own hook: it guards the API's routes with the
# Authorization header, and no route of the other blueprints.
@api.before_request
@basic.login_required
def authenticate():
    if not g.current_user:
        return jsonify(error="unconfirmed"), 403


@api.route("/notes", methods=["POST"])  # want: POST /api/notes
def add_note():
    return jsonify(ok=True)
