"""Health articles: the blog index, posts, topics and related links. Authors and reviewers are
the network's `Person` snippets, the same people the centre pages list as providers.

Topics, authors and related centres are inline orderables rather than many-to-many fields:
wagtail-localize syncs child relations into translations (it does not sync M2M, upstream #820),
and the translatable ones point at the Spanish snippets once those exist.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import (
    GroupApprovalTask,
    Locale,
    Orderable,
    Page,
    PageManager,
    PageQuerySet,
    TranslatableMixin,
)
from wagtail.search import index

from blog.feeds import BlogFeed
from blog.reading_time import reading_minutes
from blog.review import MANAGE_ARTICLES, ArticlePermissionTester, record_review
from locations.models import LocationPage
from network.blocks import BaseStreamBlock
from network.caching import default_locale
from network.localization import localized
from network.models import Condition, NetworkSettings, Person, Service, image_field
from network.panels import PermissionFieldPanel
from network.search import clean_query, search_page
from network.visibility import CachedRestrictionsMixin, exclude_private

RELATED_POSTS_CEILING = 6  # the most NetworkSettings.related_posts_max may ask for
SHARE_IMAGE_FILTER = "fill-1200x630"
# A topic is a term of the shared taxonomy: a condition or a treatment/service.
Topic = Condition | Service


class BlogPageQuerySet(PageQuerySet):
    def visible(self) -> BlogPageQuerySet:
        """What visitors may see: live, outside private sections."""
        return exclude_private(self.live())

    def for_listing(self) -> BlogPageQuerySet:
        """Everything a post card shows, fetched in a fixed number of queries."""
        return self.select_related("hero_image", "locale").prefetch_related(
            "hero_image__renditions",
            Prefetch("authors", queryset=BlogPageAuthor.objects.select_related("person")),
        )

    def with_topic(self, slug: str) -> BlogPageQuerySet:
        """Posts tagged with the condition or service of this stable slug, in any language."""
        return self.filter(
            Q(pk__in=BlogPageCondition.objects.filter(condition__slug=slug).values("page_id"))
            | Q(pk__in=BlogPageService.objects.filter(service__slug=slug).values("page_id"))
        )

    def newest_first(self) -> BlogPageQuerySet:
        return self.order_by("-date", "-pk")


BlogPageManager = PageManager.from_queryset(BlogPageQuerySet)


def localized_posts(pages: list[Page], locale: Locale, exclude: Page | None = None) -> list:
    """The visible versions of `pages` in `locale`, in the same order, in one query.

    Page links are synchronised (not translated) by wagtail-localize, so a Spanish post may
    still point at an English one; the network's `localized()` finds its Spanish version by
    translation_key, and a link whose target is unpublished, private or deleted simply drops out.
    """
    unique = list({page.translation_key: page for page in pages}.values())
    if exclude is not None:
        unique = [page for page in unique if page.translation_key != exclude.translation_key]
    visible = BlogPage.objects.visible().for_listing()
    return localized(unique, locale, queryset=visible, fallback=False)


class BlogIndexPage(CachedRestrictionsMixin, RoutablePageMixin, Page):
    """The list of articles in one language, with topic pages, search and RSS feeds."""

    # Loaded with the page when it is served (network.routing).
    serve_select_related = ("locale",)

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        InlinePanel(
            "featured_posts",
            label=_("Featured articles"),
            help_text=_("Shown first on the article list, in this order."),
            max_num=4,
        ),
    ]
    parent_page_types = ["network.HomePage"]
    subpage_types = ["blog.BlogPage"]
    max_count_per_parent = 1
    posts_per_page = 10

    class Meta:
        verbose_name = _("article index")

    def posts(self) -> BlogPageQuerySet:
        """This index's visible posts, newest first."""
        return BlogPage.objects.child_of(self).visible().newest_first()

    def featured(self) -> list[BlogPage]:
        """Editors' featured posts, as visible posts in this index's language."""
        links = self.featured_posts.select_related("post")
        return localized_posts([link.post for link in links], self.locale)

    def listing(self, request: HttpRequest, topic: Topic | None = None) -> dict[str, Any]:
        """Context for the article list: a page of posts, optionally by topic and search words."""
        posts = self.posts()
        if topic is not None:
            posts = posts.with_topic(topic.slug)
        query = clean_query(request.GET.get("q"))
        page_number = request.GET.get("page")
        if query:
            # Search ranks by relevance; the backend turns the page and topic filters into SQL.
            page_obj = search_page(
                posts.order_by(), query, page_number, self.posts_per_page, operator="and"
            )
            # Search hits come back without prefetching: load this page's cards in one go.
            ids = [post.pk for post in page_obj.object_list]
            by_id = BlogPage.objects.filter(pk__in=ids).for_listing().in_bulk()
            page_obj.object_list = [by_id[pk] for pk in ids if pk in by_id]
        else:
            page_obj = Paginator(posts.for_listing(), self.posts_per_page).get_page(page_number)
            page_obj.object_list = list(page_obj.object_list)  # evaluated here, once
        show_featured = topic is None and not query and page_obj.number == 1
        path = self.topic_url(topic, request) if topic else self.get_url(request)
        if page_obj.number > 1:
            path += f"?page={page_obj.number}"
        return {
            "posts": page_obj,
            "topic": topic,
            "search_query": query.text,
            "featured_posts": self.featured() if show_featured else [],
            "topic_links": [(term, self.topic_url(term, request)) for term in self.topics()],
            "canonical_url": request.build_absolute_uri(path),
            "feed_url": self.feed_url(request, topic),
        }

    def topics(self) -> list[Topic]:
        """Conditions and services that at least one visible post here is about, for the filter."""
        posts = self.posts().values("pk")
        conditions = Condition.objects.filter(
            locale_id=self.locale_id,
            slug__in=BlogPageCondition.objects.filter(page__in=posts).values("condition__slug"),
        )
        services = Service.objects.filter(
            locale_id=self.locale_id,
            slug__in=BlogPageService.objects.filter(page__in=posts).values("service__slug"),
        )
        return sorted([*conditions, *services], key=lambda term: term.name.casefold())

    def topic_slug(self, topic: Topic) -> str:
        """A topic's URL slug in this index's language: the taxonomy's stable slug in the default
        language, the term's own name made a slug in the others ("ciatica" for "Ciática")."""
        if self.locale_id == default_locale().pk:
            return topic.slug
        return slugify(topic.name) or topic.slug

    def find_topic(self, slug: str) -> tuple[Topic, bool]:
        """The taxonomy term behind a topic URL, in this index's language when translated, and
        whether `slug` is that term's URL slug here (else the URL should redirect to it: a stable
        slug, or another language's, in a link or bookmark)."""
        for model in (Condition, Service):
            for term in model.objects.filter(locale_id=self.locale_id):
                if self.topic_slug(term) == slug:
                    return term, True
        for model in (Condition, Service):
            terms = list(model.objects.filter(slug=slug).select_related("locale"))
            for term in terms:
                if term.locale_id == self.locale_id:
                    return term, False
            if terms:
                return terms[0], self.topic_slug(terms[0]) == slug
        raise Http404("Unknown topic")

    def topic_alternates(self, topic: Topic, request: HttpRequest) -> dict[str, str]:
        """The same topic page in every language the index is live in (the language switcher and
        hreflang links read these instead of the index's own translations)."""
        terms = {term.locale_id: term for term in type(topic).objects.filter(slug=topic.slug)}
        alternates = {}
        for index_page in self.get_translations(inclusive=True).live().public().specific():
            term = terms.get(index_page.locale_id, topic)
            alternates[index_page.locale.language_code] = index_page.topic_url(term, request)
        return alternates

    @path("")
    def index_view(self, request: HttpRequest) -> HttpResponse:
        return self.listing_response(request)

    @path("topic/<slug:slug>/")
    def topic_view(self, request: HttpRequest, slug: str) -> HttpResponse:
        topic, canonical = self.find_topic(slug)
        if not canonical:
            query = f"?{request.GET.urlencode()}" if request.GET else ""
            return redirect(self.topic_url(topic, request) + query, permanent=True)
        return self.listing_response(
            request, topic, alternate_urls=self.topic_alternates(topic, request)
        )

    def listing_response(
        self, request: HttpRequest, topic: Topic | None = None, **context: Any
    ) -> HttpResponse:
        response = self.render(
            request, context_overrides={**self.listing(request, topic), **context}
        )
        if request.GET.get("q"):
            # What a patient searched for is theirs: never in a shared or browser cache.
            patch_cache_control(response, private=True, no_store=True)
        return response

    @path("feed/")
    def feed_view(self, request: HttpRequest) -> HttpResponse:
        return BlogFeed()(request, index=self)

    @path("topic/<slug:slug>/feed/")
    def topic_feed_view(self, request: HttpRequest, slug: str) -> HttpResponse:
        return BlogFeed()(request, index=self, topic=self.find_topic(slug)[0])

    def feed_url(self, request: HttpRequest | None = None, topic: Topic | None = None) -> str:
        if topic is None:
            return self.get_url(request) + self.reverse_subpage("feed_view")
        return self.get_url(request) + self.reverse_subpage(
            "topic_feed_view", args=[self.topic_slug(topic)]
        )

    def topic_url(self, topic: Topic, request: HttpRequest | None = None) -> str:
        return self.get_url(request) + self.reverse_subpage(
            "topic_view", args=[self.topic_slug(topic)]
        )


class BlogIndexFeaturedPost(Orderable):
    index_page = ParentalKey(BlogIndexPage, on_delete=models.CASCADE, related_name="featured_posts")
    post = models.ForeignKey(
        "blog.BlogPage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("post", page_type="blog.BlogPage")]


class BlogPageForm(WagtailAdminPageForm):
    """Enforces the network's maximum number of hand-picked related articles."""

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        formset = self.formsets.get("related_links")
        # Formsets are validated after the form; validate this one now to count its rows.
        if formset is not None and formset.is_valid():
            chosen = [
                form
                for form in formset.forms
                if getattr(form, "cleaned_data", None)
                and form.cleaned_data.get("target")
                and not form.cleaned_data.get("DELETE")
            ]
            site = (self.parent_page or self.instance).get_site()
            maximum = NetworkSettings.for_site(site).related_posts_max if site else None
            if maximum is not None and len(chosen) > maximum:
                self.add_error(
                    None,
                    ValidationError(
                        _(
                            "Choose at most %(maximum)d related articles (you chose %(count)d). "
                            "The network settings set this maximum."
                        ),
                        code="too_many_related_posts",
                        params={"maximum": maximum, "count": len(chosen)},
                    ),
                )
        return cleaned_data


class BlogPage(CachedRestrictionsMixin, Page):
    """A health article."""

    # Loaded with the page when it is served (network.routing).
    serve_select_related = ("locale", "reviewer", "hero_image")

    date = models.DateField(_("publication date"), default=date.today)
    reviewer = models.ForeignKey(
        Person,
        verbose_name=_("medical reviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    hero_image = image_field(_("hero image"))
    hero_image_alt = models.CharField(
        _("hero image alt text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it."),
    )
    introduction = models.TextField(
        _("introduction"), help_text=_("One or two sentences; also the default search snippet.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))

    objects = BlogPageManager()
    base_form_class = BlogPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        InlinePanel("authors", label=_("Authors"), min_num=1),
        MultiFieldPanel(
            [
                PermissionFieldPanel("reviewer", permission=MANAGE_ARTICLES),
                PermissionFieldPanel("last_reviewed", permission=MANAGE_ARTICLES),
            ],
            heading=_("Medical review"),
            help_text=_("Filled in when a medical reviewer approves the article."),
        ),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")
        ),
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                InlinePanel("condition_topics", label=_("Conditions")),
                InlinePanel("service_topics", label=_("Treatments and services")),
            ],
            heading=_("Topics"),
        ),
        InlinePanel(
            "related_links",
            label=_("Related articles"),
            help_text=_(
                "Shown in this order under the article. Empty places are filled with the newest "
                "articles that share the most topics."
            ),
            max_num=RELATED_POSTS_CEILING,
        ),
        InlinePanel("centres", label=_("Related centers")),
    ]
    # What a patient searches for is in the title, the introduction and the topics (conditions and
    # treatments by name, even when the body uses other words): those weigh more than the body.
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction", boost=3),
        index.SearchField("body"),
        index.RelatedFields(
            "condition_topics",
            [index.RelatedFields("condition", [index.SearchField("name", boost=3)])],
        ),
        index.RelatedFields(
            "service_topics",
            [index.RelatedFields("service", [index.SearchField("name", boost=3)])],
        ),
        index.RelatedFields(
            "authors", [index.RelatedFields("person", [index.SearchField("name")])]
        ),
        index.FilterField("date"),
    ]
    parent_page_types = ["blog.BlogIndexPage"]
    # Asks the appointments app (through the `page_sections` hook) for its form at the end.
    appointment_form_at_end = True
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            (
                "manage_articles",
                _("Can publish and unpublish articles outside the medical review"),
            )
        ]

    def permissions_for_user(self, user) -> ArticlePermissionTester:
        return ArticlePermissionTester(user, self)

    def clean(self) -> None:
        super().clean()
        if self.hero_image_id and not self.hero_image_alt:
            raise ValidationError({"hero_image_alt": _("Describe the hero image.")})
        if self.last_reviewed and not self.reviewer_id:
            raise ValidationError({"reviewer": _("Who reviewed the article?")})
        if self.reviewer_id and not self.last_reviewed:
            raise ValidationError({"last_reviewed": _("When was the article last reviewed?")})

    # Content read by the template, the feed and the structured data, each fetched once.

    @cached_property
    def people(self) -> list[Person]:
        """The authors, in the editor's order."""
        return [
            link.person
            for link in self.authors.select_related("person", "person__photo")
            if link.person
        ]

    @cached_property
    def topic_terms(self) -> list[Topic]:
        conditions = [t.condition for t in self.condition_topics.select_related("condition")]
        services = [t.service for t in self.service_topics.select_related("service")]
        return [term for term in (*conditions, *services) if term is not None]

    @cached_property
    def has_booking_block(self) -> bool:
        """Whether the body has its own appointment call to action: the template then adds none,
        so an article asks once."""
        return any(block.block_type == "book_appointment" for block in self.body)

    @property
    def reading_time(self) -> int:
        """Minutes to read the body at 200 words a minute, never less than one."""
        return reading_minutes(self.body)

    @property
    def meta_description(self) -> str:
        return self.search_description or self.introduction

    def network_settings(self, request: HttpRequest | None = None) -> NetworkSettings:
        """The network's settings, cached on the request the template's `settings` also reads."""
        if request is not None:
            return NetworkSettings.for_request(request)
        return NetworkSettings.for_site(self.get_site())

    def related_posts(
        self, limit: int | None = None, request: HttpRequest | None = None
    ) -> list[BlogPage]:
        """The "Read more" articles: the editor's choices, then the best topical matches.

        Curated links come first in their order, as their visible versions in this post's
        language (matched by translation_key, so a Spanish post's links to English posts show
        their Spanish versions; a link whose target is unpublished, private or deleted drops
        out). The rest is filled with visible posts in this language sharing the most topics
        (matched by stable slug), newest first. One query, plus the cards' prefetches, whatever
        the numbers.
        """
        if limit is None:
            limit = self.network_settings(request).related_posts_max
        # The first link to each post (by translation_key); links made in code have no
        # sort_order, and keep the order they were added in.
        links = BlogPageRelatedLink.objects.filter(
            page_id=self.pk, target__translation_key=OuterRef("translation_key")
        ).order_by("sort_order", "pk")
        condition_slugs = [t.slug for t in self.topic_terms if isinstance(t, Condition)]
        service_slugs = [t.slug for t in self.topic_terms if isinstance(t, Service)]
        shared = Coalesce(
            _count_per_page(BlogPageCondition, condition__slug__in=condition_slugs), Value(0)
        ) + Coalesce(_count_per_page(BlogPageService, service__slug__in=service_slugs), Value(0))
        return list(
            BlogPage.objects.visible()
            .filter(locale_id=self.locale_id)
            .exclude(translation_key=self.translation_key)
            .annotate(
                curated_link=Subquery(links.values("pk")[:1]),
                curated_order=Subquery(links.values("sort_order")[:1]),
                shared_topics=shared,
            )
            .filter(Q(curated_link__isnull=False) | Q(shared_topics__gt=0))
            .order_by(
                Case(When(curated_link__isnull=True, then=Value(1)), default=Value(0)),
                F("curated_order").asc(nulls_first=True),
                "curated_link",
                "-shared_topics",
                "-date",
                "-pk",
            )
            .for_listing()[:limit]
        )

    def structured_data(self, request: HttpRequest | None = None) -> dict[str, Any]:
        """schema.org MedicalWebPage data for search engines, ready for JSON encoding."""
        publisher = self.network_settings(request).network_name
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "headline": self.title,
            "name": self.title,
            "description": self.meta_description,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "datePublished": self.date.isoformat(),
            "dateModified": (
                self.last_published_at or self.latest_revision_created_at or self.date
            ).isoformat(),
            "author": [person.schema_org() for person in self.people],
            "publisher": {"@type": "Organization", "name": publisher},
            "about": [{"@type": "Thing", "name": term.name} for term in self.topic_terms],
        }
        if self.reviewer:
            data["reviewedBy"] = self.reviewer.schema_org()
        if self.last_reviewed:
            data["lastReviewed"] = self.last_reviewed.isoformat()
        image_url = self.share_image_url(request)
        if image_url:
            data["image"] = image_url
        return data

    def share_image_url(self, request: HttpRequest | None = None) -> str:
        """Absolute URL of the hero image cropped for social cards, or "" without an image."""
        if not self.hero_image:
            return ""
        url = self.hero_image.get_rendition(SHARE_IMAGE_FILTER).url
        if url.startswith(("http://", "https://")):
            return url
        if request is not None:
            return request.build_absolute_uri(url)
        return self.get_site().root_url + url

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict[str, Any]:
        """Lazy: the template reads these inside `{% page_fragment %}`s, so an article whose
        fragments are kept (network.caching.page_fragment) runs none of their queries."""
        context = super().get_context(request, *args, **kwargs)
        blog_index = SimpleLazyObject(lambda: self.get_parent().specific)
        context["related_posts"] = SimpleLazyObject(lambda: self.related_posts(request=request))
        context["blog_index"] = blog_index
        context["blog_index_feed_url"] = SimpleLazyObject(lambda: blog_index.feed_url(request))
        context["topic_links"] = SimpleLazyObject(
            lambda: [(term, blog_index.topic_url(term, request)) for term in self.topic_terms]
        )
        context["structured_data"] = SimpleLazyObject(lambda: self.structured_data(request))
        return context

    @classmethod
    def latest_for(cls, page: Page, limit: int = 3) -> list[BlogPage]:
        """The latest visible posts in `page`'s language; for a centre, those linked to it
        (in any language, so a translation still pointing at the English centre counts)."""
        posts = cls.objects.visible().filter(locale_id=page.locale_id)
        if page.specific_class is LocationPage:
            linked = BlogPageCentre.objects.filter(centre__translation_key=page.translation_key)
            posts = posts.filter(pk__in=linked.values("page_id"))
        return list(posts.newest_first().for_listing()[:limit])


def _count_per_page(model: type[models.Model], **lookup: Any) -> Subquery:
    """How many of a post's topic rows match `lookup`, as a correlated subquery."""
    rows = (
        model.objects.filter(page_id=OuterRef("pk"), **lookup)
        .values("page_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(rows, output_field=IntegerField())


class BlogPageAuthor(TranslatableMixin, Orderable):
    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        Person, verbose_name=_("author"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("person")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class BlogPageCondition(TranslatableMixin, Orderable):
    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="condition_topics")
    condition = models.ForeignKey(
        Condition, verbose_name=_("condition"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("condition")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class BlogPageService(TranslatableMixin, Orderable):
    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="service_topics")
    service = models.ForeignKey(
        Service, verbose_name=_("treatment or service"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("service")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class BlogPageRelatedLink(Orderable):
    """A hand-picked "Read more" article. Deleting the target deletes the link; unpublishing
    it hides the link, because related_posts() only returns visible posts."""

    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="related_links")
    target = models.ForeignKey(
        BlogPage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("target", page_type="blog.BlogPage")]


class BlogPageCentre(Orderable):
    """A centre the article concerns; the centre's page lists its latest articles."""

    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="centres")
    centre = models.ForeignKey(
        LocationPage, verbose_name=_("center"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("centre")]


class MedicalReviewTask(GroupApprovalTask):
    """Approval by the chosen groups that also records, on the article, who reviewed it and when
    (`blog.review.record_review`): the article's review line can only come from an approval."""

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            page = task_state.revision.as_object()
            if isinstance(page, BlogPage):  # the task may be used on other pages too
                record_review(task_state, page, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls) -> str:
        return _(
            "Members of the chosen groups approve; the approval names the reviewer and the date "
            "on the article."
        )

    class Meta:
        verbose_name = _("medical review task")
        verbose_name_plural = _("medical review tasks")
