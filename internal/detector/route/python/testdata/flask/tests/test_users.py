from flask import Flask

app = Flask(__name__)


@app.route("/only-in-tests")
def fake():
    return "x"


def test_list_users(client):
    assert client.get("/api/v1/users").status_code == 200
