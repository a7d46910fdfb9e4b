from flask import Flask, abort, jsonify, request
from flask_login import current_user

app = Flask(__name__)


@app.route("/admin/stats")  # want: GET /admin/stats auth=none
def admin_stats():
    # The caller says which role they have: no authentication at all.
    if request.args.get("role") != "admin":
        abort(401)
    return jsonify({})


@app.route("/admin/users")  # want: GET /admin/users auth=required role=admin
def admin_users():
    # Lookalike: the signed-in user's own flag, compared with a literal.
    if current_user.is_admin != True:
        abort(401)
    return jsonify([])
