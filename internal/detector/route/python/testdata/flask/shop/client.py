"""A client for the partner API: calls routes, declares none."""
import requests

BASE = "https://partner.example.com"


def sync_users(users):
    requests.post(f"{BASE}/api/v1/users", json=users, timeout=5)
    return requests.get("/api/v1/users/1", timeout=5).json()
