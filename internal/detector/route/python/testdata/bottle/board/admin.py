from bottle import Bottle, abort, request

admin = Bottle()


@admin.hook("before_request")
def require_session():
    if not request.get_cookie("uid", secret=admin.config["secret"]):
        abort(401, "sign in first")


@admin.get("/users")  # want: GET /admin/users
def users():
    return []
