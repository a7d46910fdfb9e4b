from flask import Flask, abort, request

from app.errors import BadParameter
from app.runners import Runner

app = Flask(__name__)
runner = Runner()


def apply(params):
    if "limit" in params and not str(params["limit"]).isdigit():
        raise BadParameter("limit must be a number")
    return params


@app.route("/api/reports/<int:rid>", methods=["POST"])
def report(rid):
    try:
        params = apply(request.json or {})
    except BadParameter as e:
        # the app's own sentence about the caller's input
        abort(400, str(e))
    rows, error = runner.run_query(rid, params)
    if error:
        return {"error": "the report could not run"}, 500
    return {"rows": rows}
