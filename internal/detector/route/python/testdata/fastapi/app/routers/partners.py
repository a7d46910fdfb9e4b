from fastapi import APIRouter

router = APIRouter(tags=["partners"])


@router.get("/partners")  # want: GET /{unknown-prefix}/partners
def partners():
    return []
