"""Re-queue notification emails left pending: run it from cron every few minutes, and at start-up."""

from django.core.management.base import BaseCommand

from appointments.tasks import sweep


class Command(BaseCommand):
    help = (
        "Queue again every appointment notification still pending well past its due time "
        "(its worker was stopped or killed); the worker then sends each one once."
    )

    def handle(self, *args, **options) -> None:
        count = sweep()
        self.stdout.write(f"{count} pending notification(s) queued again.")
