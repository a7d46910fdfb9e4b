import os

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("index")

    def handle(self, *args, **options):
        # An operator's command: no request reaches it.
        os.system(f"reindex --name {options['index']}")  # want: command-injection reach=script
