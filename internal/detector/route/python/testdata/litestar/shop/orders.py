from uuid import UUID

from litestar import Controller, delete, get

from shop.guards import staff_guard


class OrderController(Controller):
    path = "/orders"

    @get("/{order_id:uuid}")  # want: GET /api/orders/{order_id}
    async def show(self, order_id: UUID) -> dict:
        return {}

    @delete("/{order_id:uuid}", guards=[staff_guard])  # want: DELETE /api/orders/{order_id}
    async def cancel(self, order_id: UUID) -> None:
        return None

    def helper(self) -> None:
        pass
