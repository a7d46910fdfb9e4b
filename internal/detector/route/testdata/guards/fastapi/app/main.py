from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .deps import (
    audit_dependency,
    auth_session_log,
    current_user_dependency,
    get_admin,
    get_current_user,
    get_token_admin,
    get_token_user,
    maybe_user,
)

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"])


@app.get("/health")  # want: GET /health auth=none
def health():
    return {"ok": True}


@app.post("/token")  # want: POST /token auth=none
def login(form: dict):
    user = authenticate(form["username"], form["password"])
    if not user:
        raise HTTPException(status_code=401, detail="wrong password")
    return {"access_token": issue(user)}


@app.get("/feed")  # want: GET /feed auth=none
def feed(user=Depends(maybe_user)):
    return posts(user)


@app.get("/ping", dependencies=[Depends(auth_session_log)])  # want: GET /ping auth=none
def ping():
    return "pong"


@app.post("/items")  # want: POST /items auth=required
def create_item(item: dict, user=Depends(get_current_user)):
    return save(user, item)


@app.delete("/users/{user_id}")  # want: DELETE /users/{user_id} auth=required role=admin
def delete_user(user_id: int, admin=Depends(get_admin)):
    return drop(user_id)


@app.put("/profile")  # want: PUT /profile auth=required
def update_profile(body: dict, user=Depends(current_user_dependency())):
    return save(user, body)


@app.get("/articles")  # want: GET /articles auth=none
def articles(user=Depends(current_user_dependency(required=False))):
    return posts(user)


@app.get("/audit")  # want: GET /audit auth=none
def audit(entry=Depends(audit_dependency("auth"))):
    return entry


@app.get("/users/{user_id}/addresses")  # want: GET /users/{user_id}/addresses auth=required
def addresses(user_id: int, caller=Depends(get_token_user)):
    return list_addresses(user_id)


@app.delete("/users/{user_id}/sessions")  # want: DELETE /users/{user_id}/sessions auth=required role=admin
def drop_sessions(user_id: int, admin=Depends(get_token_admin)):
    return clear_sessions(user_id)
