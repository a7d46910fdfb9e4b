from flask import Flask, jsonify, request, session
from werkzeug.security import check_password_hash

from models import User

app = Flask(__name__)


@app.post("/login")
def login():
    user = User.query.filter_by(email=request.json["email"]).first()
    if user is None or not check_password_hash(user.password_hash, request.json["password"]):
        return jsonify(error="wrong email or password"), 401
    session["uid"] = user.id
    return jsonify(ok=True)
