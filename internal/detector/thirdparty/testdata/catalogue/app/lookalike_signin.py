"""Not sign-in presets: a generic OpenID Connect app, a commented-out
provider, and provider names a template shows."""

INSTALLED_APPS = [
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # "allauth.socialaccount.providers.github",
]

SHOWN = ["google", "github"]
