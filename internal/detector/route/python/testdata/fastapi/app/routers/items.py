from uuid import UUID

from fastapi import APIRouter, Depends, Path
from typing import Annotated

from ..deps import get_db

router = APIRouter(prefix="/items", tags=["items"])


@router.get("/")  # want: GET /api/items
def list_items(db=Depends(get_db)):
    return []


@router.get("/{item_id}")  # want: GET /api/items/{item_id}
def read_item(item_id: int, db=Depends(get_db)):
    return {"id": item_id}


@router.put("/{item_id}/images/{image_id}")  # want: PUT /api/items/{item_id}/images/{image_id}
def replace_image(item_id: Annotated[int, Path(gt=0)], image_id: UUID):
    return {}


@router.delete("/{item_id}")  # want: DELETE /api/items/{item_id}
async def delete_item(item_id: int, db=Depends(get_db)):
    db.delete(item_id)


def export_items(fmt: str = "csv"):
    return []


router.add_api_route("/export", export_items, methods=["GET"])  # want: GET /api/items/export

# @router.get("/debug")
# def debug_dump():
#     return globals()
