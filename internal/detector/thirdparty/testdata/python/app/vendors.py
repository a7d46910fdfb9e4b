"""Vendors no catalogue entry names, called over HTTP.

See https://api.lookalike-docstring.io for the API (text, no call).
"""
import logging
import os

import httpx
import requests

log = logging.getLogger(__name__)

GEOCODER = "https://geo.mapcoder.dev"


def geocode(q):
    log.info("calling https://api.lookalike-log.io/geocode")
    return httpx.get(f"{GEOCODER}/search", params={"q": q})  # want: third-party mapcoder.dev


def summarize(text):
    return requests.post(  # want: third-party textsumm.ai
        "https://api.textsumm.ai/v1/summarize",
        headers={"X-Api-Key": os.environ["TEXTSUMM_API_KEY"]},  # want: uses-secret textsumm.ai TEXTSUMM_API_KEY
        json={"text": text},
    )


def local():
    requests.get("http://127.0.0.1:9000/ping")
    requests.get("https://sandbox.example.org/v1")
    requests.get("http://printer.local/status")
    # requests.get("https://api.lookalike-commented.io/v1")
    return requests.post("https://api.stripe.com/v1/charges", json={})  # want: third-party stripe


def scrape(url):
    # The operator may point it elsewhere; the code is written for the default.
    api_base = os.getenv("PAGEGRAB_API_URL", "https://api.pagegrab.dev")
    return requests.post(f"{api_base}/v1/scrape", json={"url": url})  # want: third-party pagegrab.dev


async def search(session, q):
    search_base = os.getenv("FINDLY_API_URL", "https://api.findly.dev")
    search_url = f"{search_base}/v2/search"
    return await session.post(search_url, json={"q": q})  # want: third-party findly.dev


def latest_version():
    # The product's own site, named as setup.py names the package: no vendor.
    return requests.get("https://askdocs.io/version.json", timeout=5)
