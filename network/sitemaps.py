"""sitemap.xml over every language of the site, with hreflang alternates between translations."""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q, QuerySet
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class TranslatedSitemap(Sitemap):
    """Wagtail's sitemap lists only the tree under the site's root page, which is the English
    home page; the Spanish home is a sibling tree. This one lists the trees of every translation
    of the root page and links each page to its translations (`<xhtml:link hreflang>`)."""

    def items(self) -> QuerySet[Page]:
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = reduce(or_, (Q(path__startswith=root.path) for root in roots), Q(pk=None))
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain) -> list[dict]:
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        pages = []
        # translation_key -> {language code: the page's canonical (first) URL}
        translations: dict = defaultdict(dict)
        for item in self.paginator.page(page).object_list.iterator():
            item_urls = item.get_sitemap_urls(self.request)
            if item_urls:
                language = languages[item.locale_id]
                translations[item.translation_key][language] = item_urls[0]["location"]
            pages.append((item.translation_key, item_urls))

        urls = []
        for translation_key, item_urls in pages:
            by_language = translations[translation_key]
            for number, url_info in enumerate(item_urls):
                if number == 0 and len(by_language) > 1:
                    url_info["alternates"] = _alternates(by_language)
                urls.append(url_info)
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def _alternates(by_language: dict[str, str]) -> list[dict[str, str]]:
    alternates = [{"lang_code": code, "location": url} for code, url in by_language.items()]
    if settings.LANGUAGE_CODE in by_language:
        alternates.append(
            {"lang_code": "x-default", "location": by_language[settings.LANGUAGE_CODE]}
        )
    return alternates
