from django.conf import settings
from django.db import models


class Bot(models.Model):
    name = models.CharField(max_length=64)
    hook_token = models.CharField(max_length=64, unique=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)


class Message(models.Model):
    bot = models.ForeignKey(Bot, on_delete=models.CASCADE)
    text = models.TextField()
