import pyotp
from flask import Flask, jsonify, request, session
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.security import check_password_hash

from models import User

app = Flask(__name__)
limiter = Limiter(get_remote_address, app=app)


@app.post("/login")
@limiter.limit("5 per minute")
def login():
    user = User.query.filter_by(email=request.json["email"]).first()
    if user is None or not check_password_hash(user.password_hash, request.json["password"]):
        return jsonify(error="wrong email or password"), 401
    if not pyotp.TOTP(user.totp_secret).verify(request.json.get("code", "")):
        return jsonify(error="enter the code from your authenticator app"), 401
    session["uid"] = user.id
    return jsonify(ok=True)
