"""A new content generation (network.caching) whenever something a public page shows changes.

Deliberately broad: any save or deletion of a page (publishing, unpublishing, a draft, a move, a
translation synchronised by wagtail-localize), a site, a locale, a view restriction, the network
settings, a menu or a snippet the pages display. A change purges every cached page and every piece
of cached chrome at once; content changes are rare next to page views, and nothing can be left
stale by a relation nobody thought of (a related article's title, a centre renamed in a menu).
Records that visitors create (appointment requests, geocoder answers) are not in the list: they
must never empty the cache.

Also here: each request and each background task reads the generation once (`network.caching`).
"""

from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_tasks.signals import task_finished, task_started
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from network.caching import hold_generation, new_generation
from network.models import NavigationMenu, NavigationMenuItem, Person, TaxonomyTerm

CONTENT_MODELS = (
    Page,
    Site,
    Locale,
    PageViewRestriction,
    BaseSiteSetting,
    NavigationMenu,
    NavigationMenuItem,
    TaxonomyTerm,
    Person,
    AbstractImage,
)


@receiver(post_save)
@receiver(post_delete)
def content_saved(sender, instance, **kwargs) -> None:
    if isinstance(instance, CONTENT_MODELS):
        new_generation()


@receiver(post_page_move)
def page_moved(sender, **kwargs) -> None:
    # Treebeard moves rows with bulk updates, which send no post_save.
    new_generation()


@receiver(request_started)
@receiver(task_started)
def work_started(**kwargs) -> None:
    hold_generation(True)


@receiver(request_finished)
@receiver(task_finished)
def work_finished(**kwargs) -> None:
    hold_generation(False)
