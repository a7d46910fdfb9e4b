from typing import Annotated

from fastapi import Depends, Header, HTTPException, Security
from fastapi.security import APIKeyHeader, OAuth2PasswordBearer

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
api_key_header = APIKeyHeader(name="X-API-Key")


def get_current_user(token: str = Depends(oauth2_scheme)):
    return decode(token)


def verify_api_key(key: str = Security(api_key_header)):
    if key != "expected":
        raise HTTPException(status_code=403)


def get_db():
    yield None


CurrentUser = Annotated[dict, Depends(get_current_user)]
