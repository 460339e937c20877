"""Django 6 compatibility for Wagtail's background tasks.

Wagtail 8 declares its tasks (search index, reference index, image focal points) with the
django-tasks backport: `from django_tasks import task`. On Django 6.x, django-tasks-db builds on
Django's own `django.tasks` instead, and its worker refuses backport tasks ("Task ... does not point
to a Task"), so under `make run` on Python 3.12+ the search index would never be updated. Pointing
the backport's decorator at Django's before Wagtail imports it makes every task a
`django.tasks.Task`, which the worker runs. On Django 5.2 the backport is the tasks framework and
nothing changes.
"""

import django


def use_django_tasks_for_the_backport() -> None:
    """Make `from django_tasks import task` return Django's decorator on Django 6.x.

    Must run before any module that declares a task is imported: `network` comes first in
    INSTALLED_APPS and calls this when its app config module is loaded.
    """
    if django.VERSION < (6, 0):
        return
    import django_tasks
    from django.tasks import task as django_task

    django_tasks.task = django_task
