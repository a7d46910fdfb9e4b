import requests


def test_summarize():
    requests.post("https://api.lookalike-test.io/v1/summarize", json={})
