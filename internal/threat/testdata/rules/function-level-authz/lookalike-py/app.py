from functools import wraps

from flask import Flask, abort, g
from flask_login import LoginManager, current_user, login_required

app = Flask(__name__)
login_manager = LoginManager(app)


def admin_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


@app.route("/reports/<int:report_id>", methods=["DELETE"])
@login_required
@admin_required
def delete_report(report_id):
    g.db.execute("DELETE FROM reports WHERE id = ?", (report_id,))
    return "", 204
