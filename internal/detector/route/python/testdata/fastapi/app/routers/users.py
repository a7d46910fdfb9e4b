from fastapi import APIRouter

from ..deps import CurrentUser

router = APIRouter(prefix="/users")


@router.get("/me")  # want: GET /api/v1/users/me
def me(user: CurrentUser):
    return user


@router.api_route("/{user_id}", methods=["GET", "PATCH"])  # want: GET /api/v1/users/{user_id}; PATCH /api/v1/users/{user_id}
def user_detail(user_id: str):
    return {}
