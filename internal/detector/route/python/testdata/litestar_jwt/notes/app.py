# A Litestar app behind a JWT security backend: its middleware answers 401
# to a request without a valid token, except on the paths its exclude=
# patterns match and the handlers that opt out.
import os

from litestar import Litestar, get, post
from litestar.security.jwt import JWTAuth

from notes.models import User
from notes.tokens import JWTAuth as LocalJWTAuth


async def retrieve_user(token, connection):
    return User(id=token.sub)


jwt_auth = JWTAuth[User](
    retrieve_user_handler=retrieve_user,
    token_secret=os.environ["JWT_SECRET"],
    exclude=["^/health", "/docs/*"],
)

# Not a security backend: the app's own class of the same name.
audit = LocalJWTAuth(exclude=["/notes"])


@get("/health")  # want: GET /health
async def health() -> str:
    return "ok"


@post("/login", exclude_from_auth=True)  # want: POST /login
async def login(data: dict) -> str:
    return jwt_auth.create_token(identifier=data["name"])


@get("/notes")  # want: GET /notes
async def notes() -> list:
    return []


app = Litestar(route_handlers=[health, login, notes], on_app_init=[jwt_auth.on_app_init])
