from flask import Flask, jsonify
from flask_login import login_required

from app.grants import feature_gate, require_operator, traced

app = Flask(__name__)


@app.route("/api/operator/jobs")  # want: GET /api/operator/jobs auth=required role=operator
@require_operator
@login_required
def jobs():
    return jsonify([])


@app.route("/api/reports")  # want: GET /api/reports auth=required
@traced
@login_required
def reports():
    return jsonify([])


@app.route("/api/exports", methods=["POST"])  # want: POST /api/exports auth=none
@feature_gate
@traced
def exports():
    return jsonify({})
