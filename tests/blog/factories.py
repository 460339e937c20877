"""Factories for articles; `BlogPageFactory(topics=[...], authors=[...], related=[...])` builds
the inline relations the way the admin saves them, then publishes."""

from __future__ import annotations

import factory
import wagtail_factories

from blog.models import (
    BlogIndexPage,
    BlogPage,
    BlogPageAuthor,
    BlogPageCentre,
    BlogPageCondition,
    BlogPageRelatedLink,
    BlogPageService,
)
from network.models import Condition


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Health articles"
    slug = "blog"

    class Meta:
        model = BlogIndexPage


class BlogPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    introduction = "A short introduction."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Some words about backs.</p>")])

    class Meta:
        model = BlogPage

    @classmethod
    def _create(cls, model_class, *args, topics=(), authors=(), related=(), centres=(), **kwargs):
        page = model_class(**{k: v for k, v in kwargs.items() if k != "parent"})
        page.authors = [BlogPageAuthor(person=p) for p in authors]
        page.condition_topics = [
            BlogPageCondition(condition=t) for t in topics if isinstance(t, Condition)
        ]
        page.service_topics = [
            BlogPageService(service=t) for t in topics if not isinstance(t, Condition)
        ]
        page.related_links = [BlogPageRelatedLink(target=t) for t in related]
        page.centres = [BlogPageCentre(centre=c) for c in centres]
        parent = kwargs["parent"]
        parent.add_child(instance=page)
        page.save_revision().publish()
        return BlogPage.objects.get(pk=page.pk)
