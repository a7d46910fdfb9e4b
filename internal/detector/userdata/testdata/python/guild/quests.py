from django.db import models

from .base import GuildModel


class Quest(GuildModel):  # want: asset user-data Quest created_on,reward,title
    """Belongs to the member who posted it, through a key declared here."""

    poster = models.ForeignKey("Adventurer", on_delete=models.CASCADE)
    title = models.CharField(max_length=80)
    reward = models.IntegerField()


class Errand(GuildModel):
    """Owned by nobody: a catalogue row on the project's base."""

    label = models.CharField(max_length=80)
    class Meta:
        abstract = True


class Chore(Errand):
    """A chain of bases: GuildModel -> Errand -> Chore, still no owner."""

    points = models.IntegerField()


class Run(GuildModel):
    """The parent of a chain of jobs: the member who started it."""

    member = models.ForeignKey("Adventurer", on_delete=models.CASCADE)
    status = models.CharField(max_length=20)

    class Meta:
        abstract = True
