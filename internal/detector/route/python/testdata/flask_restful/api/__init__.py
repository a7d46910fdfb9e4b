from flask import Flask
from flask_restful import Api

from .resources import orders
from .resources.users import UserListResource, UserResource

app = Flask(__name__)
api = Api(app, prefix="/api")

api.add_resource(UserListResource, "/users")  # want: GET /api/users; POST /api/users
api.add_resource(UserResource, "/users/<int:user_id>")  # want: GET /api/users/{user_id}; PUT /api/users/{user_id}; DELETE /api/users/{user_id}
api.add_resource(orders.OrderResource, "/orders/<string:order_id>", "/orders/by-ref/<ref>")  # want: GET /api/orders/{order_id}; GET /api/orders/by-ref/{ref}
