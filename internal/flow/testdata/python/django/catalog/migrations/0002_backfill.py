from django.db import migrations


def backfill(apps, schema_editor):
    table = "catalog_product"
    schema_editor.execute(f"UPDATE {table} SET is_featured = 0")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [migrations.RunPython(backfill)]
