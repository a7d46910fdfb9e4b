import hashlib
import requests
from flask import request
from flask_cors import CORS


def hash_password(password):
    return hashlib.sha256(password.encode()).hexdigest()  # want: weakness weak-password-hash


def preview():
    url = request.args.get("url")
    return requests.get(url).text  # want: weakness ssrf


def search(db, term):
    return db.execute(f"SELECT * FROM users WHERE name = '{term}'")  # want: weakness sql-injection


def checksum(data):
    # a fast hash of a file, not a password: no weakness
    return hashlib.sha256(data).hexdigest()


SESSION_COOKIE_SECURE = False  # want: weakness cookie-insecure


def claims(token):
    return jwt.decode(token, options={"verify_signature": False})  # want: weakness jwt-unverified


HELP = "never call jwt.decode with verify_signature: False in production"


def calc():
    expr = request.args.get("expr")
    return str(eval(expr))  # want: weakness code-injection
