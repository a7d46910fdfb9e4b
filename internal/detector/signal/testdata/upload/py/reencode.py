from PIL import Image
from flask import request


def upload_avatar():
    upload = request.files["avatar"]
    img = Image.open(upload.stream)
    img.thumbnail((256, 256))
    img.save(avatar_path(current_user.id), format="PNG")
    return "", 204
