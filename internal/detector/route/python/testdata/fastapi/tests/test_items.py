from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.main import app

fake = FastAPI()


@fake.get("/only-in-tests")
def fake_route():
    return {}


def test_read_item():
    assert TestClient(app).get("/api/items/1").status_code == 200
