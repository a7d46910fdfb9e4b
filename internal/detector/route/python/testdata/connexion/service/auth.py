import jwt


def decode_token(token):
    try:
        return jwt.decode(token, "k", algorithms=["HS256"])
    except jwt.InvalidTokenError:
        return None


def token_info(token):
    return {"scope": ["admin"]} if token else None


def requires_session(fn):
    def wrapper(*args, **kwargs):
        from flask import request, abort
        if not request.cookies.get("session"):
            abort(401)
        return fn(*args, **kwargs)
    return wrapper
