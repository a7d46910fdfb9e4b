import os

from flask import Flask, abort, send_file

app = Flask(__name__)
EXPORTS = os.path.join(os.path.dirname(__file__), "exports")


# The name can only be one of two words: every other one is refused.
@app.route("/export/<name>.<fmt>")
def export(name, fmt):
    if name == "transactions":
        title = "Transactions"
    elif name == "bills":
        title = "Bills"
    else:
        abort(404, "No such export")
    if fmt not in ("csv", "json"):
        abort(404)
    return send_file(os.path.join(EXPORTS, f"{name}.{fmt}"), download_name=title)
