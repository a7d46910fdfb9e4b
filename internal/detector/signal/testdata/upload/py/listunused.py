import os
from flask import request

ALLOWED_EXTENSIONS = {".png", ".jpg"}


def upload_document():
    f = request.files["doc"]
    ext = os.path.splitext(f.filename)[1].lower()
    known = ext in ALLOWED_EXTENSIONS
    if ext not in ALLOWED_EXTENSIONS:
        app.logger.warning("unusual upload type %s", ext)
    f.save(os.path.join("uploads", f.filename))
    return {"known": known}
