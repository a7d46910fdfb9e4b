from django.db import models


class GuildModel(models.Model):
    """The project's own abstract base: every model of the guild app inherits it."""

    created_on = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class StampMixin(object):
    """A plain mixin of the same shape: not a model, however its attributes look."""

    owner = models.ForeignKey("Adventurer", on_delete=models.CASCADE)
    stamped_on = models.DateTimeField()
