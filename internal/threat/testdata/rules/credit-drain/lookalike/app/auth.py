from fastapi import Header, HTTPException

SESSIONS = {}


def get_verified_user(authorization: str = Header("")):
    user = SESSIONS.get(authorization.removeprefix("Bearer "))
    if user is None:
        raise HTTPException(status_code=401)
    if not user.email_verified:
        raise HTTPException(status_code=403, detail="verify your e-mail first")
    return user
