from flask import Blueprint, abort, jsonify
from flask.views import MethodView
from flask_login import current_user, login_required

bp = Blueprint("admin", __name__, url_prefix="/admin")
audit = Blueprint("audit", __name__, url_prefix="/audit")
bp.register_blueprint(audit)


@bp.before_request
def require_admin():
    if not current_user.is_authenticated or not current_user.is_admin:
        abort(403)


@bp.route("/stats")  # want: GET /admin/stats
def stats():
    return jsonify({"users": 3})


@audit.route("/log", methods=("GET",))  # want: GET /admin/audit/log
def audit_log():
    return jsonify([])


class ReportAPI(MethodView):
    decorators = [login_required]

    def get(self, report_id):  # want: GET /admin/reports/{report_id}
        return jsonify({"id": report_id})

    def delete(self, report_id):  # want: DELETE /admin/reports/{report_id}
        return "", 204


bp.add_url_rule("/reports/<int:report_id>", view_func=ReportAPI.as_view("report"))


@audit.query("/search")  # want: QUERY /admin/audit/search
def audit_search():
    return jsonify([])


class EventSearch(MethodView):
    def get(self):  # want: GET /admin/events
        return jsonify([])

    def query(self):  # want: QUERY /admin/events
        return jsonify([])

    def summarize(self):
        return {}


bp.add_url_rule("/events", view_func=EventSearch.as_view("events"))
