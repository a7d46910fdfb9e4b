from flask import Blueprint, jsonify

from .builder import build

bp = Blueprint("export", __name__)


@bp.route("/export/<int:report_id>")
def export(report_id):
    try:
        return jsonify(build(report_id))
    except Exception as e:
        message = str(e)
        return jsonify(error=message), 500  # want: exit error-response


# Lookalike: the message sent is a constant.
@bp.route("/summary/<int:report_id>")
def summary(report_id):
    try:
        return jsonify(build(report_id))
    except Exception:
        message = "the summary could not be built"
        return jsonify(error=message), 500
