# Class-based views: fastapi-utils' @cbv(router) shares the class's
# dependencies among its methods, and a method decorated with a router's
# verb is a route whether or not the class is bound.
from fastapi import APIRouter, Depends
from fastapi_utils.cbv import cbv

from ..deps import get_current_user, get_db

router = APIRouter(prefix="/views")


@cbv(router)
class OrderViews:
    user: dict = Depends(get_current_user)
    db = Depends(get_db)

    @router.get("/orders")  # want: GET /views/orders
    def list_orders(self):
        return self.db.orders(self.user)

    @router.delete("/orders/{order_id}")  # want: DELETE /views/orders/{order_id}
    def cancel(self, order_id: int):
        self.db.cancel(order_id)

    def helper(self):
        """Not a route: @router.get("/orders/helper") in a docstring."""
        return None


class Unbound:
    # Not bound by @cbv: this attribute is no dependency of the route.
    user = Depends(get_current_user)

    @router.get("/unbound")  # want: GET /views/unbound
    def show(self):
        return {}


class FakeTransport:
    def get(self, path):
        return lambda f: f


transport = FakeTransport()


class UpstreamStub:
    # Lookalike: a decorator whose receiver is no router.
    @transport.get("/upstream/status")
    def status(self):
        return {"ok": True}
