import json

from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from bots.models import Bot, Message


# The chat service posts each message to the URL it was given, which
# carries the bot's secret token: a token no bot has is a 404, so only
# the sender that holds it gets a message recorded.
def hook(request, token):
    bot = get_object_or_404(Bot, hook_token=token)
    data = json.loads(request.body.decode())
    Message.objects.create(bot=bot, text=data["message"]["text"])
    return JsonResponse({"ok": True})
