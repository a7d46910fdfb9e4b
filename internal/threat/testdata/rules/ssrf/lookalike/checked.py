import ipaddress
import socket
from urllib.parse import urlparse

import requests
from flask import Blueprint, jsonify, request

bp = Blueprint("checked", __name__)


@bp.get("/api/card")
def card():
    url = request.args["url"]
    addr = ipaddress.ip_address(socket.gethostbyname(urlparse(url).hostname))
    if addr.is_private or addr.is_loopback or addr.is_link_local:
        raise ValueError("refusing an internal address")
    page = requests.get(url, timeout=5)
    return jsonify(length=len(page.text))
