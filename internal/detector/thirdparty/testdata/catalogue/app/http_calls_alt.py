"""Second hosts of services whose first host is called in http_calls.py."""
import requests


def call_custom_search_www(payload):
    resp = requests.post("https://www.googleapis.com/customsearch/v1", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_olostep_api(payload):
    resp = requests.post("https://api.olostep.com/v1/scrapes", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_github_actions_oidc(payload):
    resp = requests.post("https://token.actions.githubusercontent.com/.well-known/openid-configuration", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()
