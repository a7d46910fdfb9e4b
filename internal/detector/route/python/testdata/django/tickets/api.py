from ninja import NinjaAPI, Router
from ninja.security import django_auth

from tickets.labels import labels

api = NinjaAPI(urls_namespace="tickets")


@api.get("/tickets/{int:ticket_id}")  # want: GET /v2/{org_id}/tickets/{ticket_id}
def ticket(request, org_id: int, ticket_id: int):
    return {"id": ticket_id}


@api.api_operation(["PUT", "PATCH"], "/tickets/{ticket_id}")  # want: PUT /v2/{org_id}/tickets/{ticket_id}; PATCH /v2/{org_id}/tickets/{ticket_id}
def save_ticket(request, org_id: int, ticket_id: int):
    return {}


history = Router(auth=django_auth)


@history.get("/{int:ticket_id}")  # want: GET /v2/{org_id}/history/{ticket_id}
def ticket_history(request, org_id: int, ticket_id: int):
    return []


@history.get("/summary", auth=None)  # want: GET /v2/{org_id}/history/summary
def history_summary(request, org_id: int):
    return {}


api.add_router("/history", history)
api.add_router("/comments/", "tickets.comments.router")
api.add_router("/labels", labels)
