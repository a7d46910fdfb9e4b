import subprocess

from flask import Blueprint, request
from flask.views import MethodView

from shop.db import count_items
from shop.unused import archive

admin = Blueprint("admin", __name__)


class BackupAPI(MethodView):
    def post(self):
        target = request.values.get("target")
        subprocess.run(f"tar czf /backups/{target}.tgz /srv/shop", shell=True)  # want: command-injection via=body
        return "ok"

    def get(self):
        return {"items": count_items()}


admin.add_url_rule("/backup", view_func=BackupAPI.as_view("backup"))


@admin.route("/archive")
def archive_now():
    archive(request.args.get("name"))
