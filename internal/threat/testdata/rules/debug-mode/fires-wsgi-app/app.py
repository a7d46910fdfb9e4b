import os

from flask import Flask

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# Set on the object gunicorn imports: production runs with the debugger.
app.debug = True


@app.get("/")
def home():
    return "ledger"
