"""Wagtail's own "Editors" and "Moderators" groups lose their page and collection rights.

Wagtail's migrations give both groups add, change and publish on the root page (so on every page,
centers included) and every right on the root collection. The network grants rights through its
own groups (see `network.roles`); a user left in a default group could edit any center. The groups
stay (empty of rights) so that nothing that names them breaks.
"""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


def remove_rights(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    groups = Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS)
    GroupPagePermission.objects.filter(group__in=groups).delete()
    GroupCollectionPermission.objects.filter(group__in=groups).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0008_footer_settings"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(remove_rights, migrations.RunPython.noop)]
