from django.http import HttpResponse

from claims.records import Claim, Visit


def upload(request):
    if "doc" in request.FILES:
        Claim.store(request.FILES["doc"], request.POST["backup"])
    return HttpResponse("stored")


def upload_named(request):
    Claim.store_quoted(request.FILES["doc"])
    return HttpResponse("stored")


def hits(request, pk):
    # The columns asked for are the query's keys.
    data = request.GET.dict().copy()
    cols = []
    for key in data:
        if key != "ip":
            cols.append(key)
    cols = ", ".join(cols)
    if request.GET.get("ip", "") != "":
        if len(cols) == 0:
            cols = "*"
        rows = Visit.by_ip(request.GET["ip"], col=cols)
    else:
        rows = []
    return HttpResponse(str(rows))


def hits_fixed(request):
    # Lookalike: the query's keys are only compared, never pasted.
    wanted = [c for c in Visit.COLUMNS if c in request.GET.keys()]
    return HttpResponse(str(Visit.by_ip("127.0.0.1", col=", ".join(wanted))))


def hits_default(request):
    # Lookalike: a column not on the list is replaced by one that is.
    col = request.GET.get("col", "")
    if col not in Visit.COLUMNS:
        col = "ip_address"
    return HttpResponse(str(Visit.by_ip("127.0.0.1", col=col)))
