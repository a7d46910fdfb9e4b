from django.http import Http404, HttpResponseRedirect, JsonResponse

from recipes.models import ShareLink


# The link's secret token is the capability: whoever holds it may read
# the recipe, and a token no link has is a 404.
def shared_recipe(request, token):
    link = ShareLink.objects.filter(uuid=token, blocked=False).first()
    if link is None:
        raise Http404()
    return JsonResponse({"recipe": link.recipe.title})


# Reporting a link blocks it, only when the token names one.
def report_abuse(request, token):
    if link := ShareLink.objects.filter(uuid=token).first():
        link.blocked = True
        link.save()
    return HttpResponseRedirect("/")
