from fastapi import APIRouter

router = APIRouter(prefix="/broken"

@router.get("/x"
def x(:
