import os

from flask import Flask

HERE = os.path.dirname(os.path.abspath(__file__))
reports = Flask(__name__, static_url_path="/files", static_folder=os.path.join(HERE, "public"))  # want: route GET /files/{filename}; serves /files/q1.pdf


@reports.route("/reports")  # want: route GET /reports
def listing():
    return "[]"
