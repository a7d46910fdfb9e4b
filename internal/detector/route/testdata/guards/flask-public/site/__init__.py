from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)


@app.before_request
def login_wall():
    """Every page needs a session but the sign-in page, the health check
    and the static files."""
    if request.path in ("/login", "/health") or request.path.startswith("/static/"):
        return
    if request.method == "OPTIONS":
        return
    if "user_id" not in session:
        return redirect(url_for("login"))


@app.route("/login")  # want: GET /login auth=none
def login():
    return "sign in"


@app.route("/health")  # want: GET /health auth=none
def health():
    return "ok"


@app.route("/static/<path:name>")  # want: GET /static/{name} auth=none
def assets(name):
    return name


@app.route("/healthcheck-history")  # want: GET /healthcheck-history auth=required
def history():
    return "[]"


@app.route("/notes", methods=["POST"])  # want: POST /notes auth=required
def notes():
    return "", 201
