import requests


def fetch_entries(payload):
    resp = requests.post("https://preview.contentful.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()
