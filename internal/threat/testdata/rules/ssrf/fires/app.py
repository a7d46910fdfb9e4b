import requests
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.get("/api/preview")
def preview():
    page = requests.get(request.args["url"], timeout=5)
    title = page.text.split("<title>")[-1].split("</title>")[0]
    return jsonify(title=title[:200])
