import json

from django.http import JsonResponse

from bots.models import Bot, Message


# The chat service posts each message to the URL it was given. The token
# in the path is looked up, but a miss goes on all the same: any token,
# or none that matches, records the message.
def hook(request, token):
    bot = Bot.objects.filter(hook_token=token).first()
    data = json.loads(request.body.decode())
    Message.objects.create(bot=bot, text=data["message"]["text"])
    return JsonResponse({"ok": True})
