import requests


def userinfo(payload):
    resp = requests.post("https://openidconnect.googleapis.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()
