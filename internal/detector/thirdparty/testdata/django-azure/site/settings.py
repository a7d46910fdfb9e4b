# Media in an Azure container through django-storages: the backend's dotted
# path names the service, which the framework imports. Lookalikes: the
# Google Cloud backend named in a sentence, and in a comment:
# "storages.backends.gcloud.GoogleCloudStorage".
import os

STORAGES = {
    "default": {"BACKEND": "storages.backends.azure_storage.AzureStorage"},  # want: third-party azure-blob
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AZURE_CONTAINER = os.environ.get("AZURE_CONTAINER", "media")
HELP = "Set USE_GCS to move media to storages.backends.gcloud.GoogleCloudStorage instead."
