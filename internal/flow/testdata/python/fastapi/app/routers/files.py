import os
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

from app.paths import below, inside, present, under

router = APIRouter()

PUBLIC = Path("/srv/public")
SHARED = "/srv/shared"


@router.get("/public/{name}")
def public(name: str):
    target = (PUBLIC / name).resolve()
    if not inside(target, PUBLIC):
        raise HTTPException(status_code=400)
    return FileResponse(target)


@router.get("/shared/{name}")
def shared(name: str):
    target = os.path.join(SHARED, name)
    if under(target, SHARED):
        return FileResponse(target)
    raise HTTPException(status_code=404)


@router.get("/deep/{name}")
def deep(name: str):
    target = os.path.join(SHARED, name)
    if not below(target, SHARED):
        raise HTTPException(status_code=404)
    return FileResponse(target)


@router.get("/after/{name}")
def after(name: str):
    # The test holds in its own branch only.
    target = os.path.join(SHARED, name)
    if under(target, SHARED):
        print("inside")
    return FileResponse(target)  # want: path-traversal via=param


@router.get("/present/{name}")
def exists(name: str):
    target = PUBLIC / name
    if not present(target, PUBLIC):
        raise HTTPException(status_code=404)
    return FileResponse(target)  # want: path-traversal via=param


@router.get("/ignored/{name}")
def ignored(name: str):
    target = (PUBLIC / name).resolve()
    inside(target, PUBLIC)
    return FileResponse(target)  # want: path-traversal via=param


@router.get("/swapped/{name}")
def swapped(name: str):
    # The request's path is the root here: nothing is tested of it.
    target = (PUBLIC / name).resolve()
    if not inside(PUBLIC, target):
        raise HTTPException(status_code=400)
    return FileResponse(target)  # want: path-traversal via=param
