import csv
import io
import logging
import os
import smtplib
import traceback

import requests
from flask import Flask, Response, jsonify, request, send_file

app = Flask(__name__)
app.debug = True  # want: exit debug-mode
app.config["DEBUG"] = True  # want: exit debug-mode
logger = logging.getLogger(__name__)


@app.post("/api/notes")
def create_note():
    logger.info("incoming headers: %s", request.headers)  # want: exit log
    logger.info("created note for %s", request.remote_addr)
    try:
        note = save(request.get_json())
    except ValueError as e:
        return jsonify({"error": str(e)}), 400  # want: exit error-response
    except Exception:
        logger.exception("save failed")
        return jsonify({"error": "internal error", "trace": traceback.format_exc()}), 500  # want: exit error-response
    requests.post(  # want: exit outbound-call
        "https://hooks.slack.com/services/T000/B000/XXXX",
        json={"text": f"new note {note.id}"},
        timeout=5,
    )
    requests.get("https://api.github.com/zen")
    requests.post("http://localhost:9000/internal/audit", json={"id": note.id})
    return jsonify(note.to_dict()), 201


@app.get("/api/notes/export")
def export_notes():
    buf = io.StringIO()
    writer = csv.writer(buf)  # want: exit export
    for n in all_notes():
        writer.writerow([n.id, n.title, n.body])
    return Response(buf.getvalue(), mimetype="text/csv")


@app.get("/api/notes/<int:note_id>/attachment")
def attachment(note_id):
    return send_file(path_for(note_id), as_attachment=True)  # want: exit export


@app.post("/api/invite")
def invite():
    body = request.get_json()
    print("invite body", request.json)  # want: exit log
    with smtplib.SMTP(os.environ["SMTP_HOST"], 587) as smtp:  # want: exit email
        smtp.sendmail("noreply@notes.test", body["email"], "You are invited")
    try:
        notify(body)
    except Exception as exc:
        logger.error("notify failed: %s", str(exc))
        raise HTTPException(status_code=500, detail=str(exc))  # want: exit error-response
    return "", 204


if __name__ == "__main__":
    # app.run(debug=True) is what we used before
    app.run(host="0.0.0.0", port=8000, debug=True)  # want: exit debug-mode


def audit(user, token):
    logger.warning("authorization denied for %s; request.headers not logged", user.id)
    logger.debug("auth header: %s", request.headers.get("Authorization"))  # want: exit log
