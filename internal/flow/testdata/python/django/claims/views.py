import base64
import os
import pickle

import yaml
from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils.html import format_html
from django.utils.text import get_valid_filename
from django.views.decorators.http import require_http_methods

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


def restore_handler(request):
    if request.method == "GET":
        return HttpResponse("form")
    else:
        return restore(request)


@require_http_methods(["POST"])
def restore(request):
    # A hidden form field holding a pickled object, sent back as it was.
    if request.POST.get("state", "") != "":
        state = pickle.loads(base64.b64decode(request.POST["state"]))  # want: unsafe-deserialization via=body
        return HttpResponse(str(state))
    return HttpResponse("nothing to restore")


def restore_defaults(request):
    # Lookalike: a pickle of the code's own file.
    with open(os.path.join(settings.BASE_DIR, "defaults.pkl"), "rb") as f:
        state = pickle.load(f)
    return HttpResponse(str(state))


def prefs(request):
    return HttpResponse(str(yaml.load(request.body, Loader=yaml.Loader)))  # want: unsafe-deserialization via=body


def prefs_safe(request):
    # Lookalike: the safe loader builds no objects.
    return HttpResponse(str(yaml.load(request.body, Loader=yaml.SafeLoader)))


def download(request):
    path = settings.BASE_DIR + "/" + request.GET.get("name", "")
    return FileResponse(open(path, "rb"))  # want: path-traversal via=query


def download_named(request):
    # Lookalike: the name keeps no folder.
    path = os.path.join(settings.MEDIA_ROOT, get_valid_filename(request.GET.get("name", "")))
    return FileResponse(open(path, "rb"))


def hello(request):
    # format_html escapes its values, not a format string built from the request.
    return HttpResponse(format_html("<p>Hello " + request.GET.get("name", "") + "</p>"))  # want: xss via=query


def hello_escaped(request):
    # Lookalike: the name is a value format_html escapes.
    return HttpResponse(format_html("<p>Hello {}</p>", request.GET.get("name", "")))
