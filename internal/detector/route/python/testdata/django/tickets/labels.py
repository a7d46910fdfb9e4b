from ninja import Router

labels = Router()


@labels.delete("/{slug:name}")  # want: DELETE /v2/{org_id}/labels/{name}
def remove(request, org_id: int, name: str):
    return {}

