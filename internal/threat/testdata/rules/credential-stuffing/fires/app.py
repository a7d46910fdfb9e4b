from flask import Flask, jsonify, request, session
from flask_limiter import Limiter
from werkzeug.security import check_password_hash

from models import User

app = Flask(__name__)


@app.post("/login")
# @limiter.limit("5 per minute")  -- turned off while load testing
def login():
    """Rate limit this with limiter.limit() before launch."""
    user = User.query.filter_by(email=request.json["email"]).first()
    if user is None or not check_password_hash(user.password_hash, request.json["password"]):
        return jsonify(error="wrong email or password"), 401
    session["uid"] = user.id
    return jsonify(ok=True)
