"""Search-index and reference-index updates gathered while many objects are written, then sent once
per object.

Every save of a page, snippet or child row enqueues Wagtail's reference-index update of the object
(or of the page a child row belongs to) and the search-index update of indexed models: loading the
demo saved each page several times (its creation, each revision, each publish, its translation)
and enqueued 1,612 updates for about 200 objects, which the immediate task backend ran one by
one while the demo loaded, each re-reading the object. Inside `deferred_index_updates()` saves are
noted instead, and on leaving it each noted object's updates are enqueued once, as its own
post_save would have done (same tasks, same arguments, same backend): they read the object as it
is in the end, which is what the last of the repeated updates would have stored. Objects deleted in
the meantime are left out (their deletion removed them from both indexes, as before).

Deletions are not deferred: their handlers still run at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db.models import Model
from django.db.models.signals import post_save
from modelcluster.fields import ParentalKey
from modelsearch import index as search_index
from modelsearch import signal_handlers as search_signals
from modelsearch.tasks import insert_or_update_object_task
from wagtail import signal_handlers as wagtail_signals
from wagtail.models import ReferenceIndex
from wagtail.tasks import update_reference_index_task


def _deferrable() -> list[tuple]:
    """(post_save handler, the task it enqueues, the models it is connected for, what an update
    of a saved instance is an update of)."""
    searched = [
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    return [
        (
            wagtail_signals.update_reference_index_on_save,
            update_reference_index_task,
            list(ReferenceIndex.tracked_models),
            _cluster_parent,
        ),
        (search_signals.post_save_signal_handler, insert_or_update_object_task, searched, None),
    ]


def _cluster_parent(instance: Model) -> Model | None:
    """The object whose references a save of `instance` updates: `update_reference_index_task`
    indexes a child row (an opening-hours row, a menu item) as part of the page or snippet it
    belongs to, so the updates for a page and all its rows are one update."""
    while instance is not None:
        keys = [field for field in instance._meta.get_fields() if isinstance(field, ParentalKey)]
        if not keys:
            return instance
        instance = getattr(instance, keys[0].name)
    return None


@contextmanager
def deferred_index_updates() -> Iterator[None]:
    """Note the objects saved inside the block; enqueue their index updates once on leaving it."""
    noted: list[tuple[object, dict[tuple[type[Model], str], None]]] = []
    disconnected = []  # (handler, model, dispatch_uid of the note taker standing in for it)
    try:
        for handler, task, models, target in _deferrable():
            saved: dict[tuple[type[Model], str], None] = {}  # an ordered set
            noted.append((task, saved))

            def note(sender, instance, raw=False, saved=saved, target=target, **kwargs) -> None:
                if raw:
                    return
                indexed = target(instance) if target else instance
                if indexed is not None:
                    saved[(type(indexed), str(indexed.pk))] = None

            uid = f"deferred:{handler.__module__}.{handler.__qualname__}"
            for model in models:
                if post_save.disconnect(handler, sender=model):
                    post_save.connect(note, sender=model, weak=False, dispatch_uid=uid)
                    disconnected.append((handler, model, uid))
        yield
    finally:
        for handler, model, uid in disconnected:
            post_save.disconnect(sender=model, dispatch_uid=uid)
            post_save.connect(handler, sender=model)
    for task, saved in noted:
        for model, pk in _still_there(saved):
            task.enqueue(model._meta.app_label, model._meta.model_name, pk)


def _still_there(keys: Iterable[tuple[type[Model], str]]) -> list[tuple[type[Model], str]]:
    """`keys` less the objects deleted since (one query per model)."""
    pks: dict[type[Model], list[str]] = {}
    for model, pk in keys:
        pks.setdefault(model, []).append(pk)
    existing = {
        (model, str(pk))
        for model, wanted in pks.items()
        for pk in model._default_manager.filter(pk__in=wanted).values_list("pk", flat=True)
    }
    return [key for key in keys if key in existing]
