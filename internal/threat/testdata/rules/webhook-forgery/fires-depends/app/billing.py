async def grant_plan(customer_id: str) -> None:
    print("granting", customer_id)
