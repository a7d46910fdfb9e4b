from fastapi import FastAPI, HTTPException, Query

from .models import CardCreate
from .store import save_card

app = FastAPI()


@app.post("/cards")
def add_card(holder: str = Query(...), expiry_month: str = Query(...)):
    # The store's call is in the try too: a database error's text goes
    # back to the caller.
    try:
        card = CardCreate(
            holder=holder,
            expiry_month=expiry_month,
        )
        save_card(card)
    except Exception as e:
        raise HTTPException(status_code=422, detail=f"Could not save: {e}")
    return {"ok": True}
