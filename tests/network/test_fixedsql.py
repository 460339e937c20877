"""Queries of a fixed shape (network.fixedsql): the SQL built by the ORM once, then run with each
call's values, read as the ORM reads them; values that do not fit the ORM's SQL fail at once."""

from unittest import mock

import pytest
from django.db.models import Q

from appointments.models import AppointmentRequest
from locations.models import LocationPage
from network.fixedsql import FixedQuery, FixedQueryError, FixedUpdate, _Constant, _layout, db_value
from tests.locations.factories import LocationIndexPageFactory, LocationPageFactory

pytestmark = pytest.mark.django_db


def by_email(email: str):
    return AppointmentRequest.objects.filter(email__iexact=email).order_by("pk").values_list("pk")


def by_email_params(connection, email: str) -> list:
    return [db_value(AppointmentRequest, "email", email, connection, iexact=True)]


def stored(email: str, **extra) -> AppointmentRequest:
    return AppointmentRequest.objects.create(
        first_name="Ada",
        last_name="Quill",
        phone="+15125550100",
        email=email,
        zip_code="78701",
        routed="fallback",
        reason="other",
        consent_text="I agree.",
        consent_at="2026-12-01T12:00:00Z",
        **extra,
    )


def test_the_sql_is_built_once_and_run_with_each_calls_values():
    first, second = stored("a_b@example.com"), stored("axb@example.com")
    build = mock.Mock(side_effect=by_email)
    query = FixedQuery("test.by_email", build, by_email_params)

    # Case-insensitive, and "_" is a character, not a wildcard (SQLite runs iexact as LIKE).
    assert query.rows("A_B@EXAMPLE.COM") == [(first.pk,)]
    assert query.rows("axb@example.com") == [(second.pk,)]
    assert query.first("a%@example.com") is None
    assert build.call_count == 1
    for email in ("A_B@EXAMPLE.COM", "axb@example.com", "a%@example.com", "AXB@example.com"):
        assert query.rows(email) == list(by_email(email)), email


def test_values_out_of_the_orms_order_fail_without_showing_them():
    stored("ada@example.com")
    query = FixedQuery(
        "test.swapped",
        lambda email, phone: AppointmentRequest.objects.filter(
            Q(email=email) | Q(phone=phone)
        ).values_list("pk"),
        lambda connection, email, phone: [phone, email],
    )
    with pytest.raises(FixedQueryError, match=r"test.swapped: parameters at \[0, 1\]") as error:
        query.rows("ada@example.com", "+15125550100")
    assert "ada@" not in str(error.value) and "555" not in str(error.value)


def test_an_argument_that_changes_the_sql_fails():
    """A list for `__in` makes SQL of its own length: not a fixed shape."""
    query = FixedQuery(
        "test.in",
        lambda ids: AppointmentRequest.objects.filter(pk__in=ids).values_list("pk"),
        lambda connection, ids: list(ids),
    )
    assert query.rows([1, 2]) == []
    with pytest.raises(FixedQueryError, match="3 parameters, 2 taken"):
        query.rows([1, 2, 3])


def test_rows_are_converted_as_the_orm_converts_them(home):
    """UUIDs, booleans and decimals come back as the ORM gives them (SQLite stores them as text
    and integers)."""
    page = LocationPageFactory(
        parent=LocationIndexPageFactory(parent=home), latitude="30.508300", longitude="-97.678900"
    )
    columns = ["translation_key", "accepts_requests", "latitude", "title"]
    query = FixedQuery(
        "test.centre",
        lambda pk: LocationPage.objects.filter(pk=pk).values_list(*columns),
        lambda connection, pk: [pk],
    )
    expected = list(LocationPage.objects.filter(pk=page.pk).values_list(*columns))
    assert query.rows(page.pk) == query.rows(page.pk) == expected
    assert [type(value) for value in query.first(page.pk)] == [type(v) for v in expected[0]]


def test_an_update_is_built_once_and_counts_the_rows_it_changed():
    first, second = stored("ada@example.com"), stored("bob@example.com")
    build = mock.Mock(
        side_effect=lambda pk, reason: (
            AppointmentRequest.objects.filter(pk=pk),
            {"spam_reason": reason},
        )
    )
    update = FixedUpdate("test.reason", build, lambda connection, pk, reason: [reason, pk])
    assert update.run(first.pk, "honeypot") == 1
    assert update.run(second.pk, "too_fast") == 1
    assert update.run(0, "rate_limit") == 0
    assert build.call_count == 1
    reasons = AppointmentRequest.objects.order_by("pk").values_list("spam_reason", flat=True)
    assert list(reasons) == ["honeypot", "too_fast"]

    swapped = FixedUpdate("test.swapped", build, lambda connection, pk, reason: [pk, reason])
    with pytest.raises(FixedQueryError, match=r"parameters at \[0, 1\]"):
        swapped.run(first.pk, "honeypot")


def test_a_boolean_the_orm_passes_as_a_parameter_is_kept_with_the_sql(home):
    """Django 6.1 on SQLite compares a boolean column with a parameter (`"live" = %s`), 5.2 writes
    the column alone: either way the fixed query takes only the caller's values."""
    index = LocationIndexPageFactory(parent=home)
    taking = LocationPageFactory(parent=index, title="Taking", slug="taking", zip_code="78701")
    LocationPageFactory(parent=index, title="Full", slug="full", accepts_requests=False)
    LocationPageFactory(parent=index, title="Other", slug="other", zip_code="75201")
    query = FixedQuery(
        "test.accepting",
        lambda zip_code: (
            LocationPage.objects.live()
            .filter(accepts_requests=True, zip_code=zip_code)
            .values_list("pk")
        ),
        lambda connection, zip_code: [db_value(LocationPage, "zip_code", zip_code, connection)],
    )

    assert query.rows("78701") == [(taking.pk,)]
    assert query.rows("73301") == []


def test_the_sqls_own_booleans_are_told_from_the_callers_values():
    # What the ORM's SQL takes, and what the caller gives: True is not 1.
    assert _layout("q", [1, "x"], [True, 1, "x"]) == (_Constant(True), 0, 1)
    assert _layout("q", [1, "x"], [1, False, "x"]) == (0, _Constant(False), 1)
    assert _layout("q", [1, "x"], [1, "x"]) is None
    with pytest.raises(FixedQueryError, match="booleans of its own and of the SQL's"):
        _layout("q", [True], [True, True])
    with pytest.raises(FixedQueryError, match="1 parameters for SQL that takes 2"):
        _layout("q", [1], [1, "x"])
    with pytest.raises(FixedQueryError, match=r"parameters at \[1\]"):
        _layout("q", [1, "y"], [1, "x"])
