"""Pulls posts from the live site into a CSV: a client, not a route."""
import requests


def fetch(base):
    return requests.get(base + "/api/v1/articles/", timeout=10).json()
