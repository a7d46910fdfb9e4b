from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from recipes.models import ShareLink


# A share link's id, not its secret: the next integer is another user's
# link, and the lookup refusing a miss checks nothing of whose it is.
@login_required
def share_link(request, token_id):
    link = get_object_or_404(ShareLink, pk=token_id)
    return JsonResponse({"recipe": link.recipe.title, "uuid": str(link.uuid)})
