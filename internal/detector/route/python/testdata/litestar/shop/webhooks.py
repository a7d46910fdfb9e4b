# A handler no route_handlers list in the tree registers (a plugin adds
# it): still a route, where it is served and what guards it unknown.
from litestar import post


@post("/webhooks/payment")  # want: POST /webhooks/payment
async def payment(data: dict) -> None:
    return None
