from django.db import models

from guild.quests import Run
from .base import StampMixin


class ExportRun(Run):  # want: asset user-data ExportRun archive_path
    """Its owner key is the base's, declared in another file."""

    archive_path = models.CharField(max_length=200)


class SweepRun(Run):  # want: asset user-data SweepRun created_on,status,swept
    swept = models.IntegerField()


class Draft(StampMixin):
    """On a plain mixin from another file: no model, so no asset."""

    body = models.TextField()
