from connexion import request


def current_user():
    token = request.headers.get("Authorization")
    if not token:
        return None
    return token


def list_items():
    # Optional auth: a token personalises the feed, none is refused.
    user = current_user()
    return {"items": [], "for": user}


class Status:
    def get(self):
        return {"status": "up"}
