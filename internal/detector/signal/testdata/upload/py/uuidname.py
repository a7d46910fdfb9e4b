import os
import uuid
from flask import request


def upload_attachment():
    f = request.files["file"]
    record_id = str(uuid.uuid4())
    target = os.path.join("uploads", f.filename)
    f.save(target)
    db.insert(record_id, target)
    return {"id": record_id}
