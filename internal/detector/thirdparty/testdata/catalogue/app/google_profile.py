import requests


def people(payload):
    resp = requests.post("https://people.googleapis.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()
