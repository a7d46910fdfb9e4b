from flask import Blueprint, jsonify
from flask_httpauth import HTTPTokenAuth

keys = Blueprint("keys", __name__)
token_auth = HTTPTokenAuth(scheme="Bearer")


@keys.route("/rotate", methods=["POST"])  # want: POST /keys/rotate
@token_auth.login_required
def rotate():
    return jsonify(ok=True)
