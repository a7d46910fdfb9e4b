from flask import Blueprint, abort, jsonify, request
from flask_login import current_user, login_required

from ..models import User, db

# The url_prefix here is replaced by the one register_blueprint passes.
users_bp = Blueprint("users", __name__, url_prefix="/ignored")


@users_bp.route("/", methods=["GET", "POST"])  # want: GET /api/v1/users; POST /api/v1/users
@login_required
def users():
    if request.method == "POST":
        user = User(email=request.json["email"])
        db.session.add(user)
        db.session.commit()
    return jsonify([u.to_dict() for u in User.query.all()])


@users_bp.get("/<int:user_id>")  # want: GET /api/v1/users/{user_id}
def get_user(user_id):
    return jsonify(User.query.get_or_404(user_id).to_dict())


@users_bp.delete("/<int:user_id>")  # want: DELETE /api/v1/users/{user_id}
@login_required
def delete_user(user_id):
    if current_user.id != user_id:
        abort(403)
    db.session.delete(User.query.get_or_404(user_id))
    db.session.commit()
    return "", 204


@users_bp.route("/<uuid:avatar_id>/avatar", methods=["PUT"])  # want: PUT /api/v1/users/{avatar_id}/avatar
def upload_avatar(avatar_id):
    f = request.files["avatar"]
    f.save("uploads/" + str(avatar_id))
    return "", 201


# Retired in 2023; kept for reference.
# @users_bp.route("/legacy-export")
# def legacy_export():
#     return export_all()
