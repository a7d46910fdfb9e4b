import os
import pickle
import subprocess

import requests
import yaml
from flask import Flask, redirect, request, url_for
from lxml import etree
from sqlalchemy import text

app = Flask(__name__)


@app.post("/ping")
def ping():
    host = request.form["host"]
    os.system("ping -c 1 " + host)  # want: weakness command-injection
    out = subprocess.check_output(f"nslookup {host}", shell=True)  # want: weakness command-injection
    cmd = f"traceroute {host}"
    os.popen(cmd)  # want: weakness command-injection
    subprocess.run(["ping", "-c", "1", host])  # an argument list, no shell: safe
    os.system("uptime")  # a constant command: safe
    return out


@app.post("/import")
def import_profile():
    profile = pickle.loads(request.data)  # want: weakness unsafe-deserialization
    settings = yaml.load(request.data)  # want: weakness unsafe-deserialization
    defaults = yaml.load(open("defaults.yml"), Loader=yaml.SafeLoader)  # a safe loader: no weakness
    safe = yaml.safe_load(request.data)
    return {"profile": profile, "settings": settings, "defaults": defaults, "safe": safe}


@app.post("/invoice.xml")
def invoice_xml():
    parser = etree.XMLParser(resolve_entities=True)  # want: weakness xxe
    strict = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(request.data, parser), strict


@app.get("/go")
def go():
    return redirect(request.args.get("next"))  # want: weakness open-redirect


@app.get("/back")
def back():
    target = request.args.get("to")
    return redirect(target)  # want: weakness open-redirect


@app.get("/home")
def home():
    nxt = request.args.get("next", "/")
    if not nxt.startswith("/") or nxt.startswith("//"):
        nxt = "/"
    return redirect(nxt)  # a local path (one slash, never two): no weakness


@app.get("/account")
def account():
    return redirect(url_for("index"))


@app.get("/user")
def user(db):
    name = request.args["name"]
    sql = "SELECT * FROM users WHERE name = '" + name + "'"
    rows = db.session.execute(text(sql))  # want: weakness sql-injection
    safe = "SELECT * FROM users WHERE name = :name"
    db.session.execute(text(safe), {"name": name})
    return rows


@app.post("/hooks/test")
def test_hook():
    callback_url = request.json.get("callback")
    resp = requests.post(callback_url, json={"ok": True}, timeout=5)  # want: weakness ssrf
    status = requests.get(STATUS_PAGE, verify=False)  # want: weakness tls-unverified
    return resp.text + status.text


FEEDS = {"status": "https://status.example.com/feed.json"}


@app.get("/feed")
def feed():
    feed_url = FEEDS.get(request.args.get("name", ""))
    return requests.get(feed_url, timeout=5).text  # a fixed URL chosen by key: no weakness
