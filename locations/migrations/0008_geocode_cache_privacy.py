import django.utils.timezone
from django.db import migrations, models


def forget_old_answers(apps, schema_editor):
    """Rows written before this migration hold the geocoder's full address beside an unsalted
    hash of what a patient typed: drop them (the cache refills itself)."""
    apps.get_model("locations", "GeocodeCache").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("locations", "0007_us_spelling"),
    ]

    operations = [
        migrations.RunPython(forget_old_answers, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="geocodecache",
            name="created_at",
        ),
        migrations.AddField(
            model_name="geocodecache",
            name="expires_at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="geocodecache",
            name="query",
            field=models.CharField(max_length=64),
        ),
    ]
