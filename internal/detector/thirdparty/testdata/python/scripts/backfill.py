import requests

requests.post("https://api.lookalike-script.io/v1/backfill", json={})
