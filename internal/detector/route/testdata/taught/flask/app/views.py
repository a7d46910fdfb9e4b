from flask import Flask, request, jsonify
from acme_sessions import api_user, api_user_name, audit

app = Flask(__name__)


@app.post("/projects")  # want: POST /projects auth=required
@api_user
def create_project():
    return jsonify(save(request.json)), 201


@app.get("/projects/<int:pid>")  # want: GET /projects/{pid} auth=required
def show_project(pid):
    user = api_user(request)
    return jsonify(load(pid, user))


# Lookalikes: a longer name, the name in a comment and a docstring.
@app.post("/drafts")  # want: POST /drafts auth=none
@audit("api_user")
def create_draft():
    """Callers should pass through api_user(request) first."""
    # api_user(request) is not called here
    name = api_user_name(request)
    return jsonify(save(request.json, name)), 201


def save(data, name=None):
    return data


def load(pid, user):
    return {"id": pid}
