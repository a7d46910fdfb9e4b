# A Litestar shop: handlers listed in the app's and a Router's
# route_handlers, a Controller mounted at its path, several paths for one
# handler, and guards judged by what each does: one refuses a caller who
# is not signed in, one refuses a caller who is not staff, one only logs.
from litestar import Litestar, Router, get, post

from shop.guards import audit_guard, signed_in_guard, staff_guard
from shop.orders import OrderController


@get(["/", "/index"])  # want: GET /; GET /index
async def index() -> str:
    return "shop"


@get("/health", guards=[audit_guard])  # want: GET /api/health
async def health() -> dict:
    return {"ok": True}


@post("/cart/{item_id:int}", guards=[signed_in_guard])  # want: POST /api/cart/{item_id}
async def add_to_cart(item_id: int) -> None:
    return None


@get("/stats")  # want: GET /admin/stats
async def stats() -> dict:
    return {}


api = Router(path="/api", route_handlers=[health, add_to_cart, OrderController])


def create_app() -> Litestar:
    return Litestar(route_handlers=[index, api, Router(path="/admin", route_handlers=[stats], guards=[staff_guard])])
