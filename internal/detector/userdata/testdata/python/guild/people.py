from django.db import models

from .base import GuildModel


class Adventurer(GuildModel):  # want: asset user-data Adventurer email,full_name
    full_name = models.CharField(max_length=40)
    email = models.EmailField()
