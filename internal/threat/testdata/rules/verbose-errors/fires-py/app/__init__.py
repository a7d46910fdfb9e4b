from flask import Flask, request

from app.runners import run

app = Flask(__name__)


@app.route("/api/reports/<int:rid>", methods=["GET"])
def report(rid):
    try:
        return {"rows": run(rid)}
    except Exception as e:
        # the database's own message goes to the client
        return {"error": str(e)}, 500


@app.route("/api/exports/<int:rid>", methods=["POST"])
def export(rid):
    try:
        return {"file": run(rid, request.json)}
    except Exception as e:
        return {"error": "export failed: {}".format(str(e))}, 500
