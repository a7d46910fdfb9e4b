import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)

FEEDS = {
    "status": "https://status.example.com/feed.json",
    "changelog": "https://example.com/changelog.json",
}


@app.get("/api/feed")
def feed():
    url = FEEDS.get(request.args.get("name", ""))
    if url is None:
        abort(404)
    page = requests.get(url, timeout=5)
    return jsonify(page.json()[:20])
