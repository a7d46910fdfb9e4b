from fastapi import Header, HTTPException

SESSIONS = {}


def get_current_user(authorization: str = Header("")):
    user = SESSIONS.get(authorization.removeprefix("Bearer "))
    if user is None:
        raise HTTPException(status_code=401)
    return user
