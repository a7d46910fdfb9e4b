import base64
import http.server
import socketserver

import jwt
from flask_graphql import GraphQLView
from strawberry.fastapi import GraphQLRouter

app.add_url_rule("/graphql", view_func=GraphQLView.as_view("graphql", schema=schema, graphiql=True, batch=True))  # want: weakness graphql-exposed
app.add_url_rule("/v2/graphql", view_func=GraphQLView.as_view("graphql2", schema=schema, graphiql=settings.DEBUG))
router = GraphQLRouter(schema)  # want: weakness graphql-exposed
quiet = GraphQLRouter(schema, graphql_ide=None)


def claims(token):
    return jwt.decode(token, PUBLIC_KEY)  # want: weakness jwt-algorithm-unpinned


def claims_pinned(token):
    return jwt.decode(token, PUBLIC_KEY, algorithms=["RS256"])


def store(user, form):
    user.secret = base64.b64encode(form["password"].encode())
    user.password_b64 = base64.b64encode(password.encode())  # want: weakness password-plaintext


with socketserver.TCPServer(("", 8000), http.server.SimpleHTTPRequestHandler) as httpd:  # want: weakness directory-listing
    httpd.serve_forever()


def signup(email, password):
    db.session.add(User(email=email, password=password))  # want: weakness password-plaintext
    return authenticate(username=email, password=password)


@csrf_exempt  # want: weakness csrf
def hook(request):
    return HttpResponse(status=204)


def key_for(token):
    kid = jwt.get_unverified_header(token)["kid"]
    with open(os.path.join("keys", kid)) as f:  # want: weakness jwt-unverified
        return f.read()


# Lookalike: the kid picks one of the app's own keys.
def key_from_table(token):
    return SIGNING_KEYS[jwt.get_unverified_header(token)["kid"]]
