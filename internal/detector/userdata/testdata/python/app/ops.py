from django.db import models


# A log record: the product's own messages, with their level and
# traceback. Nothing about a person.
class LogRecord(models.Model):
    created = models.DateTimeField()
    level = models.PositiveSmallIntegerField()
    message = models.TextField()
    traceback = models.TextField()


# A rate limiter's bucket: a model named after tokens it counts. Its
# value is a bucket key, not a token.
class TokenBucket(models.Model):
    value = models.CharField(max_length=80, unique=True)
    tokens = models.FloatField(default=1.0)
    updated = models.DateTimeField()


# Lookalike: a report with a severity but no logger's fields is what a
# person wrote.
class IncidentReport(models.Model):  # want: asset user-data IncidentReport message
    severity = models.CharField(max_length=10)
    message = models.TextField()


# Lookalike: a token model's value is its secret.
class InviteToken(models.Model):  # want: asset user-data InviteToken value
    value = models.CharField(max_length=64)
