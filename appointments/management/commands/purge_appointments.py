"""Delete or anonymise finished appointment requests past the retention period (see
`appointments.retention`); meant to run daily from the scheduler (README: "Retention")."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from appointments.retention import purge


class Command(BaseCommand):
    help = (
        "Delete spam and anonymise closed and no-show appointment requests whose last change is "
        "older than the retention period."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.APPOINTMENTS_RETENTION_DAYS,
            metavar="DAYS",
            help="Retention period in days (default: APPOINTMENTS_RETENTION_DAYS, now %(default)s).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would change; change nothing."
        )

    def handle(self, *args, older_than: int, dry_run: bool, **options) -> None:
        if older_than < 1:
            raise CommandError("--older-than must be at least 1 day.")
        result = purge(older_than, dry_run=dry_run)
        verb = ("Would delete", "would anonymise") if dry_run else ("Deleted", "anonymised")
        self.stdout.write(
            f"{verb[0]} {result.deleted} spam request(s) and {verb[1]} {result.anonymised} "
            f"closed or no-show request(s) last changed more than {older_than} days ago."
        )
