"""Not sign-in presets: a generic OpenID Connect app, a commented-out
provider, and provider names a template shows."""

INSTALLED_APPS = [
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # "allauth.socialaccount.providers.github",
]

SHOWN = ["google", "github"]

# fastapi-sso's base classes name no provider: an app's own provider
# built on them is its own.
from fastapi_sso.sso.base import OpenID, SSOBase


class ForgeSSO(SSOBase):
    provider = "forge"
