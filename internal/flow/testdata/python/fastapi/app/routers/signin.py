from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from app import settings

router = APIRouter()


@router.get("/provider")
def provider(request: Request, state: str):
    # The provider's address is configured; the request fills the query.
    params = urlencode({"state": state, "redirect_uri": str(request.url)})
    return RedirectResponse(url=f"{settings.AUTHORIZE_URL}?{params}")


def login_error(request: Request, error: str):
    return RedirectResponse(url=str(request.url_for("login")) + "?" + urlencode({"error": error}))


@router.get("/callback")
def callback(request: Request, error: str = ""):
    if error:
        return login_error(request, error)
    return RedirectResponse(url=request.url_for("home"))


@router.get("/bounce")
def bounce(next: str, tab: str = "main"):
    # The request's text leads: it picks the host.
    return RedirectResponse(url=f"{next}?tab={tab}")  # want: open-redirect via=query


@router.get("/bounce-host")
def bounce_host(host: str):
    return RedirectResponse(url=host + settings.LOGIN_PATH)  # want: open-redirect via=query
