import requests


class OrdersClient:
    def get(self, order_id):
        return requests.get(f"http://orders.internal/api/orders/{order_id}", timeout=3).json()
