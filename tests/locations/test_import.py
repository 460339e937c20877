"""manage.py import_locations: good, bad and repeated rows, dry run, geocoding of missing coordinates."""

import csv
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from locations.geocoding import GeocodingError, geocode, geocode_address
from locations.models import LocationPage
from tests.factories import ServiceFactory
from tests.locations.factories import LocationPageFactory

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "example-locations.csv"
COLUMNS = [
    "key",
    "name",
    "street_address",
    "city",
    "state",
    "zip_code",
    "latitude",
    "longitude",
    "phone",
    "intake_emails",
    "time_zone",
    "accepts_requests",
    "services",
]
GOOD = {
    "key": "austin-downtown",
    "name": "Austin Downtown",
    "street_address": "100 Congress Avenue",
    "city": "Austin",
    "state": "TX",
    "zip_code": "78701",
    "latitude": "30.263900",
    "longitude": "-97.744700",
    "phone": "(512) 555-0100",
    "intake_emails": "austin@example.org",
    "time_zone": "America/Chicago",
    "accepts_requests": "yes",
    "services": "physical-therapy",
}


@pytest.fixture
def services(locales):
    return [ServiceFactory(slug=slug) for slug in ("physical-therapy", "epidural-injections")]


def write_csv(tmp_path, rows, columns=COLUMNS) -> Path:
    path = tmp_path / "centres.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(path, *args) -> tuple[str, str, int]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_locations", str(path), *args, stdout=out, stderr=err)
        code = 0
    except CommandError as error:
        err.write(str(error))
        code = error.returncode
    return out.getvalue(), err.getvalue(), code


def test_good_rows_create_published_pages(location_index, services, tmp_path):
    second = {**GOOD, "key": "austin-north", "name": "Austin North", "accepts_requests": "No"}
    second["services"] = "physical-therapy; epidural-injections"
    out, err, code = run(write_csv(tmp_path, [GOOD, second]))

    assert (out.strip(), err, code) == ("2 created, 0 updated, 0 unchanged, 0 rejected", "", 0)
    page = LocationPage.objects.get(slug="austin-downtown")
    assert page.live and not page.has_unpublished_changes
    assert page.get_parent().pk == location_index.pk
    assert page.title == "Austin Downtown"
    assert page.phone.as_e164 == "+15125550100"
    assert (page.latitude, page.longitude) == (Decimal("30.263900"), Decimal("-97.744700"))
    assert page.accepts_requests is True
    assert [s.slug for s in page.services.all()] == ["physical-therapy"]
    north = LocationPage.objects.get(slug="austin-north")
    assert north.accepts_requests is False
    assert sorted(s.slug for s in north.services.all()) == [
        "epidural-injections",
        "physical-therapy",
    ]
    assert north.revisions.count() == 1


def test_repeated_import_updates_instead_of_duplicating(location_index, services, tmp_path):
    run(write_csv(tmp_path, [GOOD]))
    out, _, _ = run(write_csv(tmp_path, [GOOD]))
    assert out.strip() == "0 created, 0 updated, 1 unchanged, 0 rejected"

    changed = {**GOOD, "name": "Austin Downtown Spine", "phone": "512-555-0199", "services": ""}
    out, _, code = run(write_csv(tmp_path, [changed]))
    assert (out.strip(), code) == ("0 created, 1 updated, 0 unchanged, 0 rejected", 0)
    page = LocationPage.objects.get()
    assert page.title == "Austin Downtown Spine"
    assert page.phone.as_e164 == "+15125550199"
    assert list(page.services.all()) == []
    assert page.live and not page.has_unpublished_changes


def test_missing_coordinates_are_geocoded(location_index, services, tmp_path):
    row = {**GOOD, "latitude": "", "longitude": "", "zip_code": "80206", "city": "Denver"}
    row["state"], row["time_zone"] = "CO", "America/Denver"
    out, _, _ = run(write_csv(tmp_path, [row]))
    assert out.startswith("1 created")
    page = LocationPage.objects.get()
    centroid = geocode("80206")
    assert (float(page.latitude), float(page.longitude)) == (centroid.latitude, centroid.longitude)


def test_moving_a_centre_without_coordinates_geocodes_the_new_address(
    location_index, services, tmp_path
):
    run(write_csv(tmp_path, [GOOD]))
    moved = {**GOOD, "latitude": "", "longitude": "", "zip_code": "75201", "city": "Dallas"}
    run(write_csv(tmp_path, [moved]))
    page = LocationPage.objects.get()
    assert float(page.latitude) == pytest.approx(32.7876, abs=0.01)
    # Unchanged address, no coordinates in the file: the page keeps the ones it has.
    page.latitude = Decimal("32.800000")
    page.save_revision().publish()
    out, _, _ = run(write_csv(tmp_path, [moved]))
    assert out.startswith("0 created, 0 updated, 1 unchanged")
    assert LocationPage.objects.get().latitude == Decimal("32.800000")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"name": ""}, "missing name"),
        ({"key": "not a slug!"}, "key must be letters, digits, hyphens or underscores"),
        ({"phone": "12"}, "phone: The phone number entered is not valid."),
        ({"intake_emails": "austin@example.org, nobody@"}, "intake_emails: Not a valid email"),
        ({"latitude": "95"}, "latitude: Ensure this value is less than or equal to 90."),
        ({"longitude": "-181"}, "longitude: Ensure this value is greater than or equal to -180."),
        ({"latitude": "north"}, "latitude must be a number in decimal degrees"),
        ({"longitude": ""}, "give both latitude and longitude"),
        ({"state": "XX"}, "state: Value 'XX' is not a valid choice."),
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone: Value 'Mars/Olympus_Mons' is not"),
        ({"services": "physical-therapy;yoga"}, "unknown service(s): yoga"),
        ({"accepts_requests": "maybe"}, "accepts_requests must be yes or no, not 'maybe'"),
        (
            {"latitude": "", "longitude": "", "zip_code": "00000", "city": "Atlantis"},
            "latitude: We could not place this address on the map.",
        ),
        ({"zip_code": "7520"}, "zip_code: Enter a ZIP code of 5 digits, or ZIP+4"),
        ({"zip_code": "ABCDE"}, "zip_code: Enter a ZIP code of 5 digits, or ZIP+4"),
        ({"zip_code": "1234567890"}, "zip_code: Enter a ZIP code of 5 digits, or ZIP+4"),
        (
            {"city": "Dallas", "zip_code": "10001", "latitude": "", "longitude": ""},
            "zip_code: ZIP code 10001 is in NY, not TX. Check both.",
        ),
        (
            {"zip_code": "09001", "latitude": "", "longitude": ""},
            "zip_code: 09001 is a military (APO/FPO) ZIP code, which has no place on the map.",
        ),
    ],
)
def test_bad_rows_are_rejected_with_row_number_and_reason(
    location_index, services, tmp_path, change, reason
):
    other = {**GOOD, "key": "austin-north", "name": "Austin North"}
    out, err, code = run(write_csv(tmp_path, [other, {**GOOD, **change}]))
    assert out.strip() == "1 created, 0 updated, 0 unchanged, 1 rejected"
    assert f"Row 3: {reason}" in err
    assert code == 1
    assert list(LocationPage.objects.values_list("slug", flat=True)) == ["austin-north"]


def test_a_bad_update_leaves_the_page_untouched(location_index, services, tmp_path):
    run(write_csv(tmp_path, [GOOD]))
    _, err, _ = run(write_csv(tmp_path, [{**GOOD, "name": "Renamed", "phone": "12"}]))
    assert "Row 2: phone" in err
    page = LocationPage.objects.get()
    assert page.title == "Austin Downtown"
    assert page.revisions.count() == 1


def test_a_key_twice_in_one_file_is_rejected(location_index, services, tmp_path):
    out, err, _ = run(write_csv(tmp_path, [GOOD, {**GOOD, "name": "Again"}]))
    assert out.startswith("1 created")
    assert "Row 3: key 'austin-downtown' already appears in row 2" in err


def test_dry_run_writes_nothing(location_index, services, tmp_path):
    existing = LocationPageFactory(parent=location_index, slug="austin-downtown")
    rows = [GOOD, {**GOOD, "key": "new-one"}, {**GOOD, "key": "bad", "phone": "1"}]
    out, err, code = run(write_csv(tmp_path, rows), "--dry-run")
    assert out.splitlines() == [
        "Would create: new-one",
        "Would update: austin-downtown",
        "1 would be created, 1 would be updated, 0 unchanged, 1 rejected (dry run: nothing written)",
    ]
    assert "Row 4: phone" in err
    assert code == 1
    assert list(LocationPage.objects.values_list("pk", flat=True)) == [existing.pk]
    assert LocationPage.objects.get().title == existing.title


def test_bad_header_and_parent(location_index, services, tmp_path):
    path = write_csv(tmp_path, [], columns=["key", "name", "colour"])
    with pytest.raises(
        CommandError, match=r"Missing columns: street_address.*Unknown columns: colour"
    ):
        call_command("import_locations", str(path), stdout=StringIO())
    path = write_csv(tmp_path, [GOOD])
    with pytest.raises(CommandError, match="No such finder page"):
        call_command("import_locations", str(path), "--parent", "elsewhere", stdout=StringIO())


def test_parent_by_id_or_slug(location_index, services, tmp_path):
    path = write_csv(tmp_path, [GOOD])
    run(path, "--parent", str(location_index.pk))
    run(path, "--parent", location_index.slug)
    assert LocationPage.objects.count() == 1


def test_the_documented_example_file_imports(location_index, tmp_path):
    for slug in ("physical-therapy", "epidural-injections", "pain-management"):
        ServiceFactory(slug=slug)
    for slug in ("chiropractic-care", "acupuncture"):
        ServiceFactory(slug=slug)
    documented = (EXAMPLE.parent / "locations-import.md").read_text()
    dry_run = documented.split("$ python manage.py import_locations docs/example-locations.csv")[1]
    dry_run = dry_run.split("```")[0].strip().splitlines()[1:]

    assert run(EXAMPLE, "--dry-run") == ("\n".join(dry_run) + "\n", "", 0)
    out, err, code = run(EXAMPLE)
    assert (out.strip(), err, code) == ("3 created, 0 updated, 0 unchanged, 0 rejected", "", 0)
    denver = LocationPage.objects.get(slug="denver-cherry-creek")
    assert denver.latitude is not None  # geocoded from its ZIP code
    assert denver.intake_emails == "denver@example.org, denver-backup@example.org"


def test_reports_in_english_whatever_language_is_active(location_index, services, tmp_path):
    with translation.override("es"):
        _, err, _ = run(write_csv(tmp_path, [{**GOOD, "phone": "12"}]))
    assert "Row 2: phone: The phone number entered is not valid." in err


def test_the_finder_refuses_military_zip_codes(db):
    with pytest.raises(GeocodingError, match="military"):
        geocode("09001")
    assert geocode_address("", "", "AE", "09001") is None
