import ipaddress
import logging
import socket
from urllib.parse import urlparse

import advocate
import requests
from flask import Flask, abort, request

app = Flask(__name__)
log = logging.getLogger(__name__)


def public_only(url):
    host = urlparse(url).hostname
    addr = ipaddress.ip_address(socket.gethostbyname(host))
    if addr.is_private or addr.is_loopback or addr.is_link_local:  # want: control ssrf-guard
        raise ValueError("refusing an internal address")
    return url


def noted(url):
    addr = ipaddress.ip_address(socket.gethostbyname(urlparse(url).hostname))
    if addr.is_private:
        log.info("fetching a private address %s", addr)
    return url


@app.post("/unfurl")
def unfurl():
    page = advocate.get(request.json["url"], timeout=5)  # want: control ssrf-guard
    return page.text[:200]


@app.post("/checked")
def checked():
    target = public_only(request.json["url"])
    return requests.get(target, timeout=5).text[:200]  # want: weakness ssrf
