import os
from flask import request, abort

PICTURE_KINDS = {".png", ".jpg", ".webp"}


def upload_picture():
    f = request.files["picture"]
    ext = os.path.splitext(f.filename)[1].lower()
    if ext not in PICTURE_KINDS:
        abort(400)
    f.save(os.path.join("uploads", str(current_user.id) + ext))
    return "", 204
