"""A rates client: its base URL is an attribute set in the constructor,
and every request goes through its own _request helper."""
import requests


class RatesClient:
    def __init__(self, key):
        self.base_url = "https://api.fxquote.io/v3"
        self.key = key
        self.session = requests.Session()

    def _request(self, method, url, **kwargs):
        return self.session.request(method, url, headers={"apikey": self.key}, **kwargs)

    def latest(self):
        return self._request("GET", f"{self.base_url}/latest")  # want: third-party fxquote.io

    def describe(self, url):
        return "rates from " + url

    def about(self):
        # A lookalike: describe never sends its argument.
        return self.describe("https://lookalike-about.io/rates")
