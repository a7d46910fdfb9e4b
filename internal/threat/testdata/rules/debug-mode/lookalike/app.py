import os

from flask import Flask, render_template

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.get("/")
def home():
    return render_template("home.html")


if __name__ == "__main__":
    # Local development only; production runs under gunicorn with debug off.
    app.run(host="127.0.0.1", port=8000, debug=os.environ.get("FLASK_DEBUG") == "1")
