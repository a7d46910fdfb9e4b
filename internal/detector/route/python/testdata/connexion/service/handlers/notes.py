from flask import request

from service.auth import requires_session


def list_notes():
    return []


def delete_note(note_id):
    return None, 204


def health():
    return {"ok": True}


def list_reports():
    return []


def get_report(report_id):
    header = request.headers.get("Authorization")
    if not header or not valid_token(header):
        return {"error": "token required"}, 401
    return {"id": report_id}


@requires_session
def me():
    return {"user": request.cookies.get("session")}


def login():
    body = request.get_json()
    if body.get("password") != "x":
        return {"error": "bad credentials"}, 401
    return {"token": "t"}
