from django import forms
from django.db import models
from django_softdelete.models import SoftDeleteModel


class KeptModel(models.Model):
    keeper = models.ForeignKey("Reader", on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        abstract = True


# want: asset user-data Binder label
class Binder(KeptModel):
    """Fire: the key the row outlives is still its owner's, since the
    views list a reader's binders by it (views.my_binders)."""

    label = models.CharField(max_length=100)


# want: asset user-data Clipping quote
class Clipping(SoftDeleteModel):
    """Fire: a model on a library's model base (soft deletes), which no
    file here defines: its own fields and keys are read."""

    quote = models.TextField()
    binder = models.ForeignKey(Binder, on_delete=models.CASCADE)


class ClippingForm(forms.Form):
    """Lookalike: a form on a library base; its fields are no columns."""

    quote = forms.CharField()


class Stamp(models.Model):
    """Lookalike: a row the reader who reviewed it outlives; the views
    match it against a reader who is not the caller."""

    mark = models.CharField(max_length=10)
    reviewed_by = models.ForeignKey("Reader", on_delete=models.SET_NULL, null=True)
