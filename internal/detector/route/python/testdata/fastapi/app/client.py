import httpx

BASE = "http://localhost:8000"


async def fetch_item(item_id: int):
    async with httpx.AsyncClient() as c:
        return (await c.get(f"{BASE}/api/items/{item_id}")).json()


def delete_item(item_id: int):
    return httpx.delete(f"{BASE}/api/items/{item_id}")
