"""`manage.py import_locations FILE.csv [--dry-run] [--parent ID_OR_SLUG]`: create or update centres.

Each row is a centre, found again by its `key` (the page slug under the finder page), so running the
same file twice updates pages instead of duplicating them. A row is parsed and validated completely
(the page model's own validation, which also fills missing coordinates through
`locations.geocoding.geocode_address`) before anything is written, then written and published inside
its own transaction: a bad row is reported with its number and reason and never half-written.
Columns are documented in docs/locations-import.md.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import (
    BaseCommand,
    CommandError,
    CommandParser,
    no_translations,
)
from django.core.validators import validate_slug
from django.db import transaction
from wagtail.models import Locale

from locations.models import LocationIndexPage, LocationPage
from locations.zip_codes import zip_problem
from network.models import Service
from network.text import whole_number

REQUIRED = ("key", "name", "street_address", "city", "state", "zip_code", "phone", "time_zone")
OPTIONAL = (
    "country",
    "latitude",
    "longitude",
    "fax",
    "intake_emails",
    "accepts_requests",
    "services",
    "parking_notes",
    "accessibility_notes",
)
# CSV column -> LocationPage field, for the plain text columns.
TEXT_FIELDS = {
    "name": "title",
    "street_address": "street_address",
    "city": "city",
    "state": "state",
    "zip_code": "zip_code",
    "country": "country",
    "phone": "phone",
    "fax": "fax",
    "intake_emails": "intake_emails",
    "time_zone": "time_zone",
    "parking_notes": "parking_notes",
    "accessibility_notes": "accessibility_notes",
}
ADDRESS_FIELDS = ("street_address", "city", "state", "zip_code", "country")
# Fields compared to tell an update from an unchanged row.
COMPARED_FIELDS = (*TEXT_FIELDS.values(), "latitude", "longitude", "accepts_requests")
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}
TREE_FIELDS = ["path", "depth", "numchild", "url_path"]


class RowError(Exception):
    """A row we refuse, with the reason shown to the person running the import."""


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    keys: dict[str, list[str]] = field(default_factory=lambda: {"created": [], "updated": []})


def parse_bool(value: str) -> bool:
    """yes/no (also y/n, true/false, 1/0); empty means the model's default, yes."""
    text = value.strip().lower()
    if text in YES or text == "":
        return True
    if text in NO:
        return False
    raise RowError(f"accepts_requests must be yes or no, not {value!r}")


def parse_coordinate(name: str, value: str) -> Decimal | None:
    text = value.strip()
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise RowError(f"{name} must be a number in decimal degrees, not {value!r}") from None
    if not number.is_finite():
        raise RowError(f"{name} must be a number in decimal degrees, not {value!r}")
    return number.quantize(Decimal("0.000001"))


def _snapshot(page: LocationPage) -> dict[str, Any]:
    values = {name: getattr(page, name) for name in COMPARED_FIELDS}
    values["phone"], values["fax"] = str(page.phone or ""), str(page.fax or "")
    return values


def _messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


class Command(BaseCommand):
    help = "Create or update center pages from a CSV file (see docs/locations-import.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="CSV file, UTF-8, one center per row.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Validate every row and report; write nothing."
        )
        parser.add_argument(
            "--parent",
            help="ID or slug of the finder page to import under (default: the only one in the "
            "default language).",
        )

    @no_translations  # reports in English whatever language a caller had active
    def handle(self, *args: Any, **options: Any) -> None:
        self.dry_run: bool = options["dry_run"]
        self.parent = self._parent(options["parent"])
        rows = self._read(options["file"])
        self.services = {
            service.slug: service
            for service in Service.objects.filter(locale=self.parent.locale_id)
        }
        summary = Summary()
        seen: dict[str, int] = {}
        for count, (number, row) in enumerate(rows, start=1):
            self._progress(count, len(rows))
            try:
                key = (row.get("key") or "").strip()
                if key in seen:
                    raise RowError(f"key {key!r} already appears in row {seen[key]}")
                seen[key] = number
                with transaction.atomic():
                    outcome = self.import_row(row)
                    if self.dry_run:  # undo anything validation cached (e.g. geocoder answers)
                        transaction.set_rollback(True)
                setattr(summary, outcome, getattr(summary, outcome) + 1)
                summary.keys.get(outcome, []).append(key)
            except RowError as error:
                summary.rejected.append((number, str(error)))
            except ValidationError as error:
                summary.rejected.append((number, _messages(error)))
        self._progress_done(len(rows))

        for number, reason in summary.rejected:
            self.stderr.write(f"Row {number}: {reason}")
        verb = "would be " if self.dry_run else ""
        if self.dry_run:
            for outcome, label in (("created", "Would create"), ("updated", "Would update")):
                if summary.keys[outcome]:
                    self.stdout.write(f"{label}: {', '.join(summary.keys[outcome])}")
        self.stdout.write(
            f"{summary.created} {verb}created, {summary.updated} {verb}updated, "
            f"{summary.unchanged} unchanged, {len(summary.rejected)} rejected"
            + (" (dry run: nothing written)" if self.dry_run else "")
        )
        if summary.rejected:
            raise CommandError(f"{len(summary.rejected)} row(s) rejected", returncode=1)

    # --- Steps -----------------------------------------------------------------------------------

    def _parent(self, wanted: str | None) -> LocationIndexPage:
        pages = LocationIndexPage.objects.filter(locale=Locale.get_default())
        if wanted:
            number = whole_number(wanted)
            pages = pages.filter(pk=number) if number is not None else pages.filter(slug=wanted)
        found = list(pages[:2])
        if len(found) != 1:
            raise CommandError(
                "No such finder page in the default language."
                if not found
                else "Several finder pages: choose one with --parent <id or slug>."
            )
        return found[0]

    def _read(self, path: Path) -> list[tuple[int, dict[str, str]]]:
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                columns = [name.strip() for name in reader.fieldnames or []]
                missing = [name for name in REQUIRED if name not in columns]
                unknown = [name for name in columns if name not in (*REQUIRED, *OPTIONAL)]
                if missing or unknown:
                    raise CommandError(
                        "Bad header. "
                        + (f"Missing columns: {', '.join(missing)}. " if missing else "")
                        + (f"Unknown columns: {', '.join(unknown)}." if unknown else "")
                    )
                reader.fieldnames = columns
                # Row numbers as a spreadsheet shows them: the header is row 1.
                return [(reader.line_num, row) for row in reader]
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise CommandError(f"Cannot read {path}: {error}") from None

    def import_row(self, row: dict[str, str]) -> str:
        """Validate one row completely, then (unless dry run) write and publish it.

        Returns "created", "updated" or "unchanged"; raises RowError or ValidationError.
        """
        if None in row:
            raise RowError("more values than columns")
        values = {name: (value or "").strip() for name, value in row.items()}
        blank = [name for name in REQUIRED if not values.get(name)]
        if blank:
            raise RowError(f"missing {', '.join(blank)}")
        key = values["key"]
        try:
            validate_slug(key)
        except ValidationError:
            raise RowError(
                f"key must be letters, digits, hyphens or underscores, not {key!r}"
            ) from None
        latitude = parse_coordinate("latitude", values.get("latitude", ""))
        longitude = parse_coordinate("longitude", values.get("longitude", ""))
        if (latitude is None) != (longitude is None):
            raise RowError("give both latitude and longitude, or leave both empty")
        slugs = [slug.strip() for slug in values.get("services", "").split(";") if slug.strip()]
        unknown = [slug for slug in slugs if slug not in self.services]
        if unknown:
            raise RowError(f"unknown service(s): {', '.join(unknown)}")

        page = LocationPage.objects.child_of(self.parent).filter(slug=key).first()
        before = _snapshot(page) if page else None
        old_services = set(page.services.values_list("slug", flat=True)) if page else set()
        old_address = [getattr(page, name) for name in ADDRESS_FIELDS] if page else None
        if page is None:
            page = LocationPage(slug=key, locale_id=self.parent.locale_id)
        for column, name in TEXT_FIELDS.items():
            if column in values:
                setattr(page, name, values[column])
        page.state = page.state.upper()
        page.country = (page.country or "US").upper()
        page.intake_emails = ", ".join(
            part.strip() for part in page.intake_emails.replace(";", ",").split(",") if part.strip()
        )
        page.accepts_requests = parse_bool(values.get("accepts_requests", ""))
        if latitude is not None:
            page.latitude, page.longitude = latitude, longitude
        elif old_address != [getattr(page, name) for name in ADDRESS_FIELDS]:
            # New page or moved centre: the model's clean() places the address (geocode_address).
            page.latitude = page.longitude = None
        page.services = [self.services[slug] for slug in dict.fromkeys(slugs)]
        page.full_clean(exclude=TREE_FIELDS)
        problem = zip_problem(page.zip_code, page.state)
        if problem:
            raise RowError(f"zip_code: {problem}")

        if before is not None and before == _snapshot(page) and old_services == set(slugs):
            return "unchanged"
        outcome = "updated" if before is not None else "created"
        if self.dry_run:
            return outcome
        if outcome == "created":
            self.parent.add_child(instance=page)
        page.save_revision().publish()
        return outcome

    # --- Progress --------------------------------------------------------------------------------

    def _progress(self, count: int, total: int) -> None:
        if sys.stderr.isatty():
            self.stderr.write(f"\rImporting row {count}/{total}", ending="")
            self.stderr.flush()

    def _progress_done(self, total: int) -> None:
        if sys.stderr.isatty() and total:
            self.stderr.write("")
