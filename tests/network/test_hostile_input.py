"""Property-based: no public GET entry point answers a server error, whatever it is sent.

Hypothesis generates query strings (quotes, NUL and control characters, long strings, Unicode
digits, FTS and SQL operators, numbers out of range, NaN...) and topic slugs for every public GET
entry point: the finder (both languages), the nearest-centre API (GET and HEAD), the site search,
the article index and its search, topic pages, and the index and topic feeds. Every answer must be
below 500, and every API answer JSON. One small network is built once for all the examples (the
demo's 33 centres would make each finder page several times slower); the suite runs on SQLite and
on PostgreSQL, whose search backends differ.
"""

import json

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blog.models import BlogPage
from network.localization import translate
from tests.blog.factories import BlogIndexPageFactory, BlogPageFactory
from tests.factories import ConditionFactory, ServiceFactory
from tests.locations.factories import LocationIndexPageFactory, LocationPageFactory

pytestmark = pytest.mark.django_db

EXAMPLES = (
    1_000  # requests per run (the issue asks for at least 1,000), spread over the entry points
)

HOSTILE = [
    '"',
    'sciatica"',
    '" OR 1=1 --',
    '"><img src=x onerror=alert(1)>',
    "a\x00",
    "\x00",
    "NEAR(back pain)",
    "back* -pain ^neck AND NOT :title",
    "(((",
    "')); DROP TABLE wagtailcore_page; --",
    "%00",
    "\x1b[31m\x07\x08",
    "\ufeff\u200b\u202e",
    "\ud7ff\ue000\U0010fffd",
    "x" * 5000,
    "\uff17\uff18\uff17\uff10\uff11",  # 78701, full-width
    "\u0667\u0668\u0667\u0660\u0661",  # 78701, Arabic-Indic
    "\u096d\u096e\u096d\u0966\u0967",  # 78701, Devanagari
    "Austin, TX",
    "78701",
    "nan",
    "inf",
    "-inf",
    "1e309",
    "-0",
    "90.0000001",
    "-180.5",
    "\uff13\uff10\uff0e\uff12\uff17",  # 30.27, full-width
    "physical-therapy",
    "Physical-THERAPY",
    "../../etc/passwd",
    "0x1A",
    "9" * 400,
    "\u00b9",  # superscript one: str.isdigit() says yes, int() says no
    "\u00b2\u00b3",
]
PARAMETERS = ["q", "lat", "lon", "radius", "service", "limit", "page"]
ENTRY_POINTS = [
    "/en/locations/",
    "/es/centros/",
    "/api/locations/nearest/",
    "/en/search/",
    "/es/search/",
    "/en/blog/",
    "/es/blog/",
    "/en/blog/feed/",
    "/en/blog/topic/{slug}/",
    "/en/blog/topic/{slug}/feed/",
]

# Any text a URL can carry (lone surrogates cannot be encoded as UTF-8: no browser sends them).
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
values = st.one_of(st.sampled_from(HOSTILE), text, st.integers().map(str), st.floats().map(str))
queries = st.dictionaries(st.sampled_from(PARAMETERS), values, max_size=len(PARAMETERS))
slugs = st.one_of(
    st.sampled_from(["sciatica", "physical-therapy", "nothing-here"]),
    st.from_regex(r"[-a-zA-Z0-9_]{1,80}", fullmatch=True),
)


@pytest.fixture
def network(home, home_es):
    """Two centres, a service, a condition and two articles, in English and Spanish."""
    physio = ServiceFactory(name="Physical therapy", slug="physical-therapy")
    sciatica = ConditionFactory(name="Sciatica", slug="sciatica", locale=home.locale)
    finder = LocationIndexPageFactory(parent=home)
    translate(finder, "es", {"Locations": "Centros", "locations": "centros"})
    for title, zip_code, latitude, longitude in [
        ("Austin Downtown", "78701", "30.270700", "-97.742000"),
        ("Dallas Uptown", "75201", "32.787600", "-96.799700"),
    ]:
        centre = LocationPageFactory(
            parent=finder, title=title, zip_code=zip_code, latitude=latitude, longitude=longitude
        )
        centre.services.set([physio])
        centre.save_revision().publish()
    index = BlogIndexPageFactory(parent=home)
    translate(index, "es", {"Health articles": "Artículos de salud"})
    BlogPageFactory(parent=index, title="Sciatica and sleep", date="2026-01-02", topics=[sciatica])
    BlogPageFactory(parent=index, title="Lifting safely", date="2026-01-03", topics=[physio])
    assert BlogPage.objects.live().count() == 2


@pytest.mark.parametrize("number", ["\u00b9", "\u00b2\u00b3", "\u0661\u0662", "9" * 5000])
@pytest.mark.parametrize("path", ["/en/locations/", "/en/blog/", "/en/blog/topic/sciatica/"])
def test_a_page_number_that_int_cannot_read_is_the_first_page(client, network, path, number):
    # "¹".isdigit() is true, and int() takes at most 4,300 digits: the hreflang links read such
    # a page number with int(), a server error.
    response = client.get(path, {"page": number})
    assert response.status_code == 200
    assert 'hreflang="es" href="http://testserver/es/' in response.text
    assert "?page=" not in response.text.split("</head>")[0]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # no example database written beside the project
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    entry_point=st.sampled_from(ENTRY_POINTS),
    slug=slugs,
    query=queries,
    head=st.booleans(),
)
@override_settings(LOCATIONS_SEARCH_RATELIMIT="1000000/m")  # one visitor sends all of these
def test_no_public_entry_point_fails_on_any_input(client, network, entry_point, slug, query, head):
    path = entry_point.format(slug=slug)
    is_api = path.startswith("/api/")
    response = (client.head if head and is_api else client.get)(path, query)

    assert response.status_code < 500, (path, query)
    if is_api:
        assert response["Content-Type"] == "application/json", (path, query)
        if not head:
            assert set(json.loads(response.content)) in ({"error"}, {"origin", "results"})
