import pickle
import ast
import base64

import requests
import yaml
from lxml import etree
from flask import Blueprint, abort, jsonify, redirect, render_template_string, request, url_for
from markupsafe import Markup, escape
from urllib.parse import urlparse

from shop import db
from shop.db import find_items_safely, mongo
from shop.forms import ContactForm, ProfileForm, StaffForm
from shop.models import Item, User
from shop.util import label, local_path, normalised, ping, ping_argv, run_cmd

items = Blueprint("items", __name__)

ALLOWED_HOSTS = {"images.example.com"}


@items.route("/search")
def search():
    q = request.args.get("q", "")
    term = label(q)
    return jsonify(db.find_items(term))


@items.route("/search-safe")
def search_safe():
    return jsonify(find_items_safely(request.args["q"]))


@items.route("/ping", methods=["POST"])
def do_ping():
    host = request.form["host"]
    out = run_cmd("ping -c 1 " + host)
    ping(host)
    ping_argv(host)
    return out


@items.route("/calc", methods=["POST"])
def calc():
    expr = request.get_json()["expr"]
    return str(eval(expr))  # want: code-injection via=body


@items.route("/fetch")
def fetch():
    url = request.args["url"]
    r = requests.get(url, timeout=5)  # want: ssrf via=query
    return r.text


@items.route("/thumb")
def thumb():
    url = request.args["url"]
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        abort(400)
    return requests.get(url, timeout=5).content


@items.route("/status")
def status():
    # A fixed URL with a request value as a query parameter: the host is ours.
    r = requests.get("https://status.example.com/api", params={"q": request.args.get("q")})
    return r.text


@items.route("/go")
def go():
    return redirect(request.args.get("next"))  # want: open-redirect via=query


@items.route("/go-home")
def go_home():
    nxt = request.args.get("next", "")
    if not nxt.startswith("/") or nxt.startswith("//"):
        nxt = url_for("items.search")
    return redirect(nxt)


@items.route("/after-signin")
def after_signin():
    # A single slash lets //evil.example through: a URL to any host.
    nxt = request.args.get("next")
    if nxt is None or not nxt.startswith("/"):
        nxt = url_for("items.search")
    return redirect(nxt)  # want: open-redirect via=query


@items.route("/after-login")
def after_login():
    return redirect(local_path(request.args.get("next")))


@items.route("/after-logout")
def after_logout():
    return redirect(normalised(request.args.get("next")))  # want: open-redirect via=query


@items.route("/back")
def back():
    return redirect(request.headers.get("Referer"))  # want: open-redirect via=header


@items.route("/prefs")
def prefs():
    raw = request.cookies.get("prefs")
    data = pickle.loads(base64.b64decode(raw))  # want: unsafe-deserialization via=cookie
    return jsonify(data)


@items.route("/import", methods=["POST"])
def import_items():
    spec = yaml.load(request.data, Loader=yaml.Loader)  # want: unsafe-deserialization via=body
    return jsonify(spec)


@items.route("/import-safe", methods=["POST"])
def import_safe():
    return jsonify(yaml.safe_load(request.data))


@items.route("/hello")
def hello():
    name = request.args.get("name", "")
    return render_template_string("<p>Hello " + name + "</p>")  # want: template-injection via=query


@items.route("/hello-safe")
def hello_safe():
    name = request.args.get("name", "")
    return render_template_string("<p>Hello {{ name }}</p>", name=name)


@items.route("/banner")
def banner():
    return Markup(f"<b>{request.args['msg']}</b>")  # want: xss via=query


@items.route("/banner-safe")
def banner_safe():
    return Markup("<b>%s</b>") % escape(request.args["msg"])


@items.route("/find", methods=["POST"])
def find():
    body = request.json
    return jsonify(list(mongo.items.find({"$where": "this.name == '" + body["name"] + "'"})))  # want: nosql-injection via=body


@items.route("/lookup", methods=["POST"])
def lookup():
    return jsonify(mongo.users.find_one(request.json))  # want: nosql-injection via=body


@items.route("/lookup-name")
def lookup_name():
    # A query string value is a string: it cannot carry an operator.
    return jsonify(mongo.users.find_one({"name": str(request.args.get("name"))}))


@items.route("/", methods=["POST"])
def create_item():
    item = Item(**request.json)  # want: mass-assignment via=body
    item.save()
    return jsonify(id=item.id)


@items.route("/<int:item_id>", methods=["PATCH"])
def update_item(item_id):
    item = Item.get(item_id)
    for key, value in request.json.items():
        setattr(item, key, value)  # want: mass-assignment via=body
    item.save()
    return jsonify(id=item.id)


@items.route("/signup", methods=["POST"])
def signup():
    data = request.get_json()
    user = User(name=data["name"], email=data["email"])
    user.save()
    return jsonify(id=user.id)


# Lookalike: literal_eval reads a literal; it runs no code.
@items.route("/calc-literal", methods=["POST"])
def calc_literal():
    return str(ast.literal_eval(request.get_json()["expr"]))


@items.route("/<int:item_id>/fields", methods=["POST"])
def update_item_fields(item_id):
    item = Item.get(item_id)
    # A copy of the body with one key left out is still the body.
    fields = {k: v for k, v in request.json.items() if k != "id"}
    item.__dict__.update(fields)  # want: mass-assignment via=body
    return jsonify(id=item.id)


@items.route("/<int:item_id>/named-fields", methods=["POST"])
def update_item_named_fields(item_id):
    item = Item.get(item_id)
    # Lookalike: the code names the keys it keeps.
    fields = {k: v for k, v in request.json.items() if k in ("name", "price")}
    item.__dict__.update(fields)
    return jsonify(id=item.id)


@items.route("/me/staff", methods=["POST"])
def update_staff():
    form = StaffForm(request.form)
    user = User.get(1)
    user.__dict__.update({k: v for k, v in form.data.items() if v is not None})  # want: mass-assignment via=body
    return jsonify(id=user.id)


@items.route("/me/profile", methods=["POST"])
def update_profile():
    # Lookalikes: forms that declare no field only staff should set.
    form = ProfileForm(request.form)
    user = User.get(1)
    user.__dict__.update(form.data)
    contact = ContactForm(request.form)
    user.__dict__.update(contact.data)
    return jsonify(id=user.id)


CATALOG = etree.fromstring("<catalog><item><name>pen</name></item></catalog>")


@items.route("/xml/search")
def xml_search():
    name = request.args.get("name", "")
    return jsonify(CATALOG.xpath("//item[name/text()='%s']" % name))  # want: xpath-injection via=query


@items.route("/xml/compiled")
def xml_compiled():
    find = etree.XPath(request.args["q"])  # want: xpath-injection via=query
    return jsonify(find(CATALOG))


@items.route("/xml/bound")
def xml_bound():
    # Lookalike: the request's value bound as an XPath variable.
    return jsonify(CATALOG.xpath("//item[name/text()=$name]", name=request.args.get("name", "")))
