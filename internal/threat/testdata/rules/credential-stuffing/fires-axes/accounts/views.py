from django.contrib.auth import authenticate, login
from django.http import HttpResponse, HttpResponseRedirect


def sign_in(request):
    if request.method == "POST":
        user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
        if user is not None:
            login(request, user)
            return HttpResponseRedirect("/")
        return HttpResponse("wrong username or password", status=401)
    return HttpResponse("<form method=post>...</form>")
