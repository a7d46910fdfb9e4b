import ipaddress
import logging
import socket
from urllib.parse import urlparse

import requests
from flask import Blueprint, jsonify, request

bp = Blueprint("noted", __name__)
log = logging.getLogger(__name__)


@bp.get("/api/card")
def card():
    url = request.args["url"]
    addr = ipaddress.ip_address(socket.gethostbyname(urlparse(url).hostname))
    if addr.is_private:
        log.info("fetching a private address %s", addr)
    page = requests.get(url, timeout=5)
    return jsonify(length=len(page.text))
