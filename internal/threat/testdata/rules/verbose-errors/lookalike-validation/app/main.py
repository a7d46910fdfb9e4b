from fastapi import FastAPI, HTTPException, Query

from .models import CardCreate
from .store import save_card

app = FastAPI()


@app.post("/cards")
def add_card(holder: str = Query(...), expiry_month: str = Query(...)):
    # Only the model is built in the try: what fails is the caller's own
    # parameters, and the message names them.
    try:
        card = CardCreate(
            holder=holder,
            expiry_month=expiry_month,
        )
    except Exception as e:
        raise HTTPException(status_code=422, detail=f"Invalid parameters: {e}")
    save_card(card)
    return {"ok": True}
