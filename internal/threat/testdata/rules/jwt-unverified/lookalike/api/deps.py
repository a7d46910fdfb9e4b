import os

import jwt
from fastapi import Header, HTTPException

JWT_PUBLIC_KEY = os.environ["JWT_PUBLIC_KEY"]


def current_claims(authorization: str = Header("")):
    token = authorization.removeprefix("Bearer ")
    # Reading the header first is fine: it only picks the key, nothing is trusted yet.
    if jwt.get_unverified_header(token).get("alg") != "RS256":
        raise HTTPException(status_code=401)
    try:
        return jwt.decode(token, JWT_PUBLIC_KEY, algorithms=["RS256"], audience="profile-api")
    except jwt.PyJWTError:
        raise HTTPException(status_code=401)


def fetch_jwks(url: str):
    # TLS, not JWT: verify=False here is the tls-unverified rule's business.
    import requests

    return requests.get(url, timeout=5, verify=False).json()
