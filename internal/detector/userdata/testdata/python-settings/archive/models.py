from django.contrib.auth.models import User
from django.db import models


# The app never declares its user model: its records point at Django's.
class OwnedModel(models.Model):
    owner = models.ForeignKey(User, blank=True, null=True, on_delete=models.SET_NULL)

    class Meta:
        abstract = True


# Fire: a folder path a person keeps, owned through the shared base
# though the row outlives its owner.
class SavedPath(OwnedModel):  # want: asset user-data SavedPath path
    name = models.CharField(max_length=128)
    path = models.TextField()


# Lookalike: a rule's filters (a file name, a path), no person's.
class RuleTrigger(models.Model):
    filter_filename = models.CharField(max_length=256)
    filter_path = models.CharField(max_length=256)


class RuleMail(models.Model):
    subject = models.CharField(max_length=256)
    body = models.TextField()


# Lookalike: the mail a rule sends is part of the rule, which no one
# owns: its body is a setting's text.
class RuleAction(models.Model):
    trigger = models.ForeignKey(RuleTrigger, on_delete=models.CASCADE)
    mail = models.ForeignKey(RuleMail, null=True, on_delete=models.SET_NULL)


class PostBody(models.Model):  # want: asset user-data PostBody body
    body = models.TextField()


# Fire: a person's post points at its body: the text is theirs.
class Post(models.Model):  # want: asset user-data Post title
    author = models.ForeignKey(User, on_delete=models.CASCADE)
    title = models.CharField(max_length=256)
    text = models.ForeignKey(PostBody, on_delete=models.CASCADE)


# Fire: text no record points at: who writes it is unknown, so it stays.
class Feedback(models.Model):  # want: asset user-data Feedback message
    message = models.TextField()
