from django import forms
import os

from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.shortcuts import render
from django.views import View

from catalog import jobs
from catalog.models import Product

REPORTS = "/srv/reports"


def search(request):
    q = request.GET.get("q", "")
    rows = Product.objects.raw(f"SELECT * FROM catalog_product WHERE name LIKE '%{q}%'")  # want: sql-injection via=query
    return HttpResponse(", ".join(p.name for p in rows))


def search_orm(request):
    rows = Product.objects.filter(name__icontains=request.GET.get("q", ""))
    return HttpResponse(", ".join(p.name for p in rows))


def search_params(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM catalog_product WHERE name = %s", [request.GET["q"]])
        return HttpResponse(str(cursor.fetchall()))


def legacy(request):
    order = request.GET.get("order", "name")
    rows = Product.objects.extra(where=["price > 0"], order_by=["%s" % order])  # want: sql-injection via=query
    return HttpResponse(str(list(rows)))


def report(request, name):
    return FileResponse(open(os.path.join(REPORTS, name), "rb"))  # want: path-traversal via=param


def report_safe(request, name):
    path = os.path.realpath(os.path.join(REPORTS, os.path.basename(name)))
    if not path.startswith(REPORTS):
        raise Http404()
    return FileResponse(open(path, "rb"))


class ExportView(View):
    def post(self, request):
        jobs.export(request.POST["fmt"])
        return HttpResponse("queued")


def login_done(request):
    return HttpResponseRedirect(request.GET["next"])  # want: open-redirect via=query


def login_done_safe(request):
    nxt = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        nxt = "/"
    return HttpResponseRedirect(nxt)


def welcome(request):
    name = request.COOKIES.get("name", "")
    return HttpResponse(mark_safe("<h1>Welcome " + name + "</h1>"))  # want: xss via=cookie


def greeting(request):
    return render(request, "catalog/greeting.html", {"who": request.GET.get("who", ""), "motd": "hello"})


def farewell(request):
    # A template named in single quotes, its values in a dict built first.
    env = {'who': request.GET.get('who', '')}
    return render(request, 'catalog/farewell.html', env)


class NoteForm(forms.Form):
    title = forms.CharField()


class SignupForm(NoteForm):
    name = forms.CharField()


def signup(request):
    # Lookalike: a form built from the request renders its fields as
    # widgets whose values Django escapes, even under |safe.
    return render(request, 'catalog/signup.html', {'form': SignupForm(request.POST)})


def greeting_plain(request):
    # Lookalike: the template escapes every value.
    return render(request, "catalog/greeting_plain.html", {"who": request.GET.get("who", "")})


def lookup(request):
    # The method test narrows request.method only: the form is still
    # what the client sent.
    if request.method == "POST":
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM catalog_product WHERE name = '%s'" % request.POST["q"])  # want: sql-injection via=body
    return HttpResponse("ok")


def export(request):
    # Lookalike: a value compared equal to a literal is that literal in
    # the branch, also through its own method or read path.
    kind = request.GET.get("kind", "")
    if kind == "csv":
        os.system("export --format " + kind)
    if request.GET.get("sep") == "tab":
        os.system("export --sep " + request.GET.get("sep"))
    if request.POST["mode"].lower() == "full":
        os.system("export --mode " + request.POST["mode"])
    return HttpResponse("ok")


def export_after(request):
    # A test that holds checks the value in its own branch only: after
    # it, the value is what the client sent.
    kind = request.GET.get("kind", "")
    if kind == "csv":
        kind = kind.upper()
    os.system("export --format " + kind)  # want: command-injection via=query


def export_checked(request):
    # Lookalikes: after a rejection when the value differs, after an
    # else that leaves, and in the branch where it is not "csv" but the
    # test was a rejection.
    kind = request.GET.get("kind", "")
    if kind != "csv":
        return HttpResponse("unknown format", status=400)
    os.system("export --format " + kind)
    sep = request.GET.get("sep", "")
    if sep in ("tab", "comma"):
        sep = sep.upper()
    else:
        return HttpResponse("unknown separator", status=400)
    os.system("export --sep " + sep)
    return HttpResponse("ok")


def shelf(request):
    # templates/catalog/shelf.html writes each name a seller saved with
    # autoescape off, and the count with |safe (a number the code made).
    products = Product.objects.filter(is_featured=True)
    return render(request, "catalog/shelf.html", {"products": products, "count": len(products)})
