from fastapi import Depends, FastAPI

from .deps import current_claims

app = FastAPI()


@app.get("/api/profile")
def profile(claims=Depends(current_claims)):
    return {"user": claims["sub"], "plan": claims.get("plan", "free")}
