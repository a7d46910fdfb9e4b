"""Sign-in presets: allauth's provider apps, python-social-auth's backends,
fastapi-sso and Flask-Dance modules, and Authlib's registry."""

from authlib.integrations.starlette_client import OAuth
from fastapi_sso.sso.google import GoogleSSO
from flask_dance.contrib.github import make_github_blueprint
from social_core.backends.azuread_tenant import AzureADTenantOAuth2
from twitchAPI.twitch import Twitch
import patreon
import spotipy
import praw
import asyncpraw

INSTALLED_APPS = [
    "allauth.socialaccount",
    "allauth.socialaccount.providers.discord",
    "allauth.socialaccount.providers.reddit",
]

AUTHENTICATION_BACKENDS = (
    "social_core.backends.linkedin.LinkedinOAuth2",
    "social_core.backends.bitbucket.BitbucketOAuth2",
)

oauth = OAuth()
oauth.register(name="twitch", client_kwargs={"scope": "user:read:email"})
oauth.register("spotify", client_kwargs={"scope": "user-read-email"})
google_sso = GoogleSSO("id", "secret")
github_bp = make_github_blueprint()
azure_backend = AzureADTenantOAuth2

import gitea

gitea_client = gitea.Gitea("https://gitea.com", "token")
