# A developer's locale generator: nothing served imports it.
import requests

requests.post("https://api.translations.example.net/v2/export", json={})
