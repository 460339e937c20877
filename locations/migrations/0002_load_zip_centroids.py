import csv
import gzip
from pathlib import Path

from django.db import migrations

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "us_zip_centroids.csv.gz"


def load_centroids(apps, schema_editor):
    ZipCentroid = apps.get_model("locations", "ZipCentroid")
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as handle:
        rows = [
            ZipCentroid(
                zip_code=row["zip"],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                city=row["city"],
                state=row["state"],
                time_zone=row["timezone"],
            )
            for row in csv.DictReader(handle)
        ]
    ZipCentroid.objects.using(schema_editor.connection.alias).bulk_create(rows, batch_size=2000)


def unload_centroids(apps, schema_editor):
    apps.get_model("locations", "ZipCentroid").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("locations", "0001_initial")]

    operations = [migrations.RunPython(load_centroids, unload_centroids)]
