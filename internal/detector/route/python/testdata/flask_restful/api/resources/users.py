from flask_jwt_extended import jwt_required
from flask_restful import Resource, reqparse

from ..models import User


class UserListResource(Resource):
    def get(self):
        return [u.to_dict() for u in User.query.all()]

    def post(self):
        args = reqparse.RequestParser().add_argument("email").parse_args()
        return User.create(email=args["email"]).to_dict(), 201


class UserResource(Resource):
    method_decorators = [jwt_required()]

    def get(self, user_id):
        return User.query.get_or_404(user_id).to_dict()

    def put(self, user_id):
        return User.query.get_or_404(user_id).update()

    def delete(self, user_id):
        User.query.get_or_404(user_id).delete()
        return "", 204
