from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
optional_scheme = OAuth2PasswordBearer(tokenUrl="token", auto_error=False)


def get_current_user(token: str = Depends(oauth2_scheme)):
    user = decode(token)
    if user is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="bad token")
    return user


def get_admin(user=Depends(get_current_user)):
    if user.role != "admin":
        raise HTTPException(status_code=403, detail="admins only")
    return user


def maybe_user(token: str | None = Depends(optional_scheme)):
    """Returns the caller when a token is sent; None otherwise."""
    if not token:
        return None
    return decode(token)


def auth_session_log(request):
    log(request.url)


def _maybe_user(token: str | None = Depends(optional_scheme)):
    if not token:
        return None
    return decode(token)


def current_user_dependency(*, required: bool = True):
    """A factory: the strict dependency, or the optional one."""
    return get_current_user if required else _maybe_user


def audit_dependency(topic: str):
    """A factory whose dependency only records the topic."""
    return auth_session_log


def get_token_user(token: str = Depends(oauth2_scheme)):
    """Decodes the token and hands its admin claim along: every caller passes."""
    payload = decode(token)
    if payload is None:
        raise HTTPException(status_code=401, detail="bad token")
    admin_claim = payload.get("is_admin")
    return TokenData(
        user_id=payload["sub"],
        is_admin=admin_claim if admin_claim is not None else False,
    )


def get_token_admin(token: str = Depends(oauth2_scheme)):
    """The same claim, tested: only admins pass."""
    payload = decode(token)
    if payload is None:
        raise HTTPException(status_code=401, detail="bad token")
    if not payload.get("is_admin"):
        raise HTTPException(status_code=403, detail="admins only")
    return payload
