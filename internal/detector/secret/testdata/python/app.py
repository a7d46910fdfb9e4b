"""Notes API: a small Flask app."""
import os

import jwt
from flask import Flask, jsonify, request

app = Flask(__name__)
app.secret_key = 'f1ask-s3ssion-k3y-9c2d'  # want: secret hardcoded-signing-key
app.config['JWT_SECRET_KEY'] = "jwt-Qm4vX8rT2pLs"  # want: secret hardcoded-signing-key
app.config["SESSION_COOKIE_NAME"] = "notes_session"

OPENAI_KEY = os.getenv("OPENAI_API_KEY")
JWT_SECRET = os.getenv("JWT_SECRET", "dev-secret")  # want: secret secret-env-fallback
WEBHOOK_SECRET = os.environ.get('WEBHOOK_SECRET') or 'insecure-fallback'  # want: secret secret-env-fallback
PORT = int(os.getenv("PORT", "8000"))
DATABASE_URL = os.getenv("DATABASE_URL", "sqlite:///notes.db")
REGION = os.environ.get("AWS_REGION", "eu-west-1")
# Settings read as flags, rates and attribute names: no key in any of them.
OPTIONAL_CREDENTIALS = os.environ.get("S3_OPTIONAL_CREDENTIALS", "true").lower() == "true"
RESET_LIMIT = os.environ.get("PASSWORD_RESET_LIMIT_TOKEN", "10/hour")
DISPLAY_NAME_KEY = os.environ.get("DIRECTORY_DISPLAY_NAME_KEY", "displayName")
# A word under a key's own name is still the key the app runs with.
ENCRYPTION_KEY = os.environ.get("NOTES_ENCRYPTION_KEY", "notesdevkey")  # want: secret secret-env-fallback


@app.post("/login")
def login():
    body = request.get_json()
    token = jwt.encode({"sub": body["user"]}, "hs256-s1gning-k3y", algorithm="HS256")  # want: secret hardcoded-signing-key
    other = jwt.encode({"sub": body["user"]}, JWT_SECRET, algorithm="HS256")
    return jsonify(token=token, other=other)


def check_password(password, stored):
    # Compared to input, never a secret.
    return password == stored
