"""RSS 2.0 feeds of an article index, per language and per topic (Django's syndication framework)."""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

if TYPE_CHECKING:  # the models serve the feeds (feed routes); the feeds only name them
    from blog.models import BlogIndexPage, BlogPage, Topic

FEED_LENGTH = 20


class BlogFeed(Feed):
    """One feed object per request: `get_object` keeps the request for absolute URLs."""

    feed_type = Rss201rev2Feed

    def get_object(
        self, request: HttpRequest, index: BlogIndexPage, topic: Topic | None = None
    ) -> dict:
        self.request = request
        # The <language> element: the index's content language, not the visitor's.
        self.language = index.locale.language_code
        return {"index": index, "topic": topic}

    def title(self, obj: dict) -> str:
        if obj["topic"] is not None:
            return f"{obj['index'].title}: {obj['topic'].name}"
        return obj["index"].title

    def link(self, obj: dict) -> str:
        index = obj["index"]
        topic = obj["topic"]
        path = index.topic_url(topic, self.request) if topic else index.get_url(self.request)
        return self.request.build_absolute_uri(path)

    def description(self, obj: dict) -> str:
        return obj["index"].introduction or _("Health articles from our specialists.")

    def items(self, obj: dict) -> list[BlogPage]:
        posts = obj["index"].posts()
        if obj["topic"] is not None:
            posts = posts.with_topic(obj["topic"].slug)
        return list(posts.for_listing()[:FEED_LENGTH])

    def item_title(self, item: BlogPage) -> str:
        return item.title

    def item_description(self, item: BlogPage) -> str:
        return item.introduction

    def item_link(self, item: BlogPage) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item: BlogPage) -> str:
        return item.get_full_url(self.request)

    def item_pubdate(self, item: BlogPage) -> datetime:
        return timezone.make_aware(datetime.combine(item.date, time(9)))

    def item_updateddate(self, item: BlogPage) -> datetime | None:
        return item.last_published_at

    def item_author_name(self, item: BlogPage) -> str:
        return ", ".join(link.person.name for link in item.authors.all())
