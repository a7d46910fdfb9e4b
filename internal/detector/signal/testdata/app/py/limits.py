from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
import bcrypt

app = Flask(__name__)
limiter = Limiter(get_remote_address, app=app)  # want: control rate-limit


@app.post("/login")
@limiter.limit("5 per minute")  # want: control rate-limit
def login():
    """Rate limit with @limiter.limit("1 per day") in production."""
    return "ok"


def store(password):
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())  # want: control slow-password-hash


class Account:
    email_verified = False  # a column, not a check


def api_access(user):
    if not user.email_verified:  # want: control email-verification
        raise PermissionError("verify your e-mail first")
