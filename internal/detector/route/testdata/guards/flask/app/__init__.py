from functools import wraps

from flask import Flask, abort, g, jsonify, redirect, request, session, url_for
from flask_login import current_user, login_required

app = Flask(__name__)


def token_required(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        token = request.headers.get("Authorization")
        if not token or not valid(token):
            return jsonify({"error": "token missing"}), 401
        return f(*args, **kwargs)
    return wrapper


def anonymous_only(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        if current_user.is_authenticated:
            return redirect(url_for("index"))
        return f(*args, **kwargs)
    return wrapper


def session_guard(f):
    """Named like a guard; only records the visit."""
    @wraps(f)
    def wrapper(*args, **kwargs):
        g.visits = session.get("visits", 0) + 1
        return f(*args, **kwargs)
    return wrapper


@app.route("/")  # want: GET / auth=none
def index():
    if current_user.is_authenticated:
        return "welcome back"
    return "hello"


@app.route("/register", methods=["GET", "POST"])  # want: GET /register auth=none; POST /register auth=none
@anonymous_only
def register():
    return "form"


@app.route("/stats")  # want: GET /stats auth=none
@session_guard
def stats():
    return "stats"


@app.route("/api/orders", methods=["POST"])  # want: POST /api/orders auth=required
@token_required
def create_order():
    return jsonify(save(request.json))


@app.route("/settings", methods=["POST"])  # want: POST /settings auth=required
@login_required
def settings():
    return "saved"


def role_required(role):
    def decorator(f):
        @wraps(f)
        def wrapper(*args, **kwargs):
            if g.user is None or g.user.role != role:
                abort(403)
            return f(*args, **kwargs)
        return wrapper
    return decorator


def audited(label):
    """A factory whose argument only labels the log line."""
    def decorator(f):
        @wraps(f)
        def wrapper(*args, **kwargs):
            app.logger.info("%s %s", label, request.path)
            return f(*args, **kwargs)
        return wrapper
    return decorator


@app.route("/refunds", methods=["POST"])  # want: POST /refunds auth=required role=auditor
@role_required("auditor")
def refund():
    return "refunded"


@app.route("/exports", methods=["POST"])  # want: POST /exports auth=none
@audited("exports")
def export():
    return "exported"


@app.route("/admin/purge", methods=["POST"])  # want: POST /admin/purge auth=required role=admin
def purge():
    if not current_user.is_authenticated or not current_user.is_admin:
        abort(403)
    return "purged"
