from flask import Flask

app = Flask(__name__)


@app.route("/still-found")  # want: GET /still-found
def still_found():
    return "ok"


def half_written(:
    @app.route("/half
    return (
