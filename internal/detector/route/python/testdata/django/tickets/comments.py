from ninja import Router
from ninja.security import django_auth

router = Router()


@router.get("/")  # want: GET /v2/{org_id}/comments
def comments(request, org_id: int):
    return []


@router.post("/{int:comment_id}/flag", auth=django_auth)  # want: POST /v2/{org_id}/comments/{comment_id}/flag
def flag(request, org_id: int, comment_id: int):
    return {}
