from fastapi import Depends, FastAPI
from acme_auth import current_account, current_region

app = FastAPI()


@app.post("/orders")  # want: POST /orders auth=required
def create_order(body: dict, account=Depends(current_account)):
    return {"ok": True}


# Lookalike: another dependency from the same package.
@app.post("/quotes")  # want: POST /quotes auth=none
def create_quote(body: dict, region=Depends(current_region)):
    return {"ok": True}
