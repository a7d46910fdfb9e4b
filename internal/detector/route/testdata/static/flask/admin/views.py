import os

from flask import Flask

# A static folder turned off: no static route, though admin/static exists.
admin = Flask(__name__, static_folder=None)


@admin.route("/admin/stats")  # want: route GET /admin/stats
def stats():
    return "{}"
