import requests

from .helpers import clean


def search_online(q):
    return requests.post("https://api.searchvendor.io/v1/search", json={"q": clean(q)}).json()
