from django.db import models


# A provider's API key is a secret, but no person: the models that point
# at it are the operator's configuration, not a user's data. It is the
# app's own credential.
class ProviderKey(models.Model):  # want: asset credentials ProviderKey api_key
    api_key = models.CharField(max_length=200)


class ModelChoice(models.Model):
    name = models.CharField(max_length=200)
    provider = models.ForeignKey(ProviderKey, on_delete=models.CASCADE)
