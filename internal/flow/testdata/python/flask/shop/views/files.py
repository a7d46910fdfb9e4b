import os
import tarfile
import zipfile

from flask import Blueprint, abort, request, send_file, send_from_directory
from lxml import etree
from werkzeug.utils import secure_filename

files = Blueprint("files", __name__)

ROOT = "/srv/shop/files"


@files.route("/raw/<name>")
def raw(name):
    return send_file(os.path.join(ROOT, name))  # want: path-traversal via=param


@files.route("/served/<name>")
def served(name):
    # send_from_directory refuses paths that leave the folder.
    return send_from_directory(ROOT, name)


@files.route("/read")
def read():
    with open(os.path.join(ROOT, request.args["path"])) as f:  # want: path-traversal via=query
        return f.read()


@files.route("/read-checked")
def read_checked():
    name = os.path.basename(request.args["path"])
    full = os.path.realpath(os.path.join(ROOT, name))
    if not full.startswith(ROOT + os.sep):
        abort(404)
    with open(full) as f:
        return f.read()


@files.route("/upload", methods=["POST"])
def upload():
    f = request.files["doc"]
    f.save(os.path.join(ROOT, f.filename))  # want: path-traversal via=file-name
    return "ok"


@files.route("/upload-safe", methods=["POST"])
def upload_safe():
    f = request.files["doc"]
    f.save(os.path.join(ROOT, secure_filename(f.filename)))
    return "ok"


@files.route("/unpack", methods=["POST"])
def unpack():
    archive = zipfile.ZipFile(request.files["bundle"])
    archive.extractall(ROOT)  # want: path-traversal via=body
    return "ok"


@files.route("/unpack-names", methods=["POST"])
def unpack_names():
    with zipfile.ZipFile(request.files["bundle"]) as archive:
        for name in archive.namelist():
            with open(os.path.join(ROOT, name), "wb") as out:  # want: path-traversal via=body
                out.write(archive.read(name))
    return "ok"


@files.route("/unpack-checked", methods=["POST"])
def unpack_checked():
    with zipfile.ZipFile(request.files["bundle"]) as archive:
        for name in archive.namelist():
            target = os.path.realpath(os.path.join(ROOT, name))
            if not target.startswith(ROOT + os.sep):
                continue
            with open(target, "wb") as out:
                out.write(archive.read(name))
    return "ok"


@files.route("/unpack-tar", methods=["POST"])
def unpack_tar():
    tarfile.open(fileobj=request.files["bundle"]).extractall(ROOT)  # want: path-traversal via=body
    return "ok"


@files.route("/unpack-tar-filtered", methods=["POST"])
def unpack_tar_filtered():
    # The data filter refuses members that leave the folder.
    tarfile.open(fileobj=request.files["bundle"]).extractall(ROOT, filter="data")
    return "ok"


@files.route("/feed", methods=["POST"])
def feed():
    parser = etree.XMLParser(resolve_entities=True)
    doc = etree.fromstring(request.data, parser)  # want: xxe via=body
    return doc.findtext("title")


@files.route("/feed-safe", methods=["POST"])
def feed_safe():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    doc = etree.fromstring(request.data, parser)
    return doc.findtext("title")
