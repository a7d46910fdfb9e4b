import base64
import pickle

from flask import Blueprint, g, render_template_string, request

hooks = Blueprint("hooks", __name__)


# Hooks Flask runs around every request of the app: each route reaches
# what they do.
@hooks.before_app_request
def load_preferences():
    raw = request.cookies.get("prefs")
    if raw:
        g.prefs = pickle.loads(base64.b64decode(raw))  # want: unsafe-deserialization via=cookie


@hooks.app_errorhandler(404)
def not_found(error):
    return render_template_string(f"No page at {request.path}"), 404  # want: template-injection via=url


# Lookalike: a template helper, not run on a request by itself; nothing
# the scan found calls it.
@hooks.app_template_global()
def theme():
    return pickle.loads(base64.b64decode(request.cookies.get("theme")))  # want: unsafe-deserialization reach=none
