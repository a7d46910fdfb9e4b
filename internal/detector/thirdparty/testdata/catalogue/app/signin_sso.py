"""fastapi-sso's providers imported from the package's top level: the
class names the provider."""

from fastapi_sso import GithubSSO, GoogleSSO

google_sso = GoogleSSO(client_id, client_secret, redirect_uri)
github_sso = GithubSSO(client_id, client_secret, redirect_uri)
