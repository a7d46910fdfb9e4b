from fastapi import APIRouter

router = APIRouter()


@router.get("/summary")  # want: GET /reports/summary
def summary():
    return {}
