"""Queries of a fixed shape whose SQL the ORM builds once per process, not on every request.

Turning a QuerySet into SQL (resolving its filters into lookups and joins, then compiling them
for the database) costs the app server more CPU than sending the statement and reading the
answer: an appointment request's fixed queries spent about a third of the POST's CPU there
(docs/performance.md). A `FixedQuery` is a query whose SQL is always the same and only its
parameter values change. The ORM builds it the first time it runs on each database connection
alias, from that call's arguments; every later call runs the same SQL with its own values and
reads the rows as the ORM would (the fields' and the backend's converters applied).

The values come from the query's `params` function, in the order the ORM's SQL takes them
(`db_value` prepares one as the ORM does). On the first run they are compared with the ORM's own,
and any difference raises `FixedQueryError`: a query whose shape is not fixed after all (an
argument that changes the SQL, such as None for an exact match or a list for `__in`), or values
listed in the wrong order, fail at once, in the tests, instead of running with wrong values.
The error names the query and positions, never the values (they may be a patient's).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model, QuerySet
from django.db.models.sql import UpdateQuery

__all__ = ["FixedQuery", "FixedQueryError", "FixedUpdate", "db_value"]


class FixedQueryError(Exception):
    """A fixed query's parameters are not those of the SQL the ORM built for it."""


def _layout(name: str, params: list[Any], orm_params: Sequence[Any]) -> tuple | None:
    """Raise unless `params` are the ORM's, in its order (naming positions, never values).

    The ORM's SQL may take a parameter for a constant of the query's shape that `params` do not
    list: Django 6.1 on SQLite compares a boolean column with a parameter (`"live" = %s`) where
    5.2 writes the column alone. Such booleans are kept with the SQL: the answer is where each of
    the SQL's parameters comes from (an index into `params`, or a `_Constant`), or None when the
    SQL takes `params` as they are."""
    orm_params = list(orm_params)
    layout: list[int | _Constant] = []
    taken = 0
    for orm in orm_params:
        if taken < len(params) and _same(params[taken], orm):
            layout.append(taken)
            taken += 1
        elif isinstance(orm, bool):
            layout.append(_Constant(orm))
        else:
            break
    if taken == len(params) and len(layout) == len(orm_params):
        constants = len(orm_params) - len(params)
        if not constants:
            return None
        if any(isinstance(value, bool) for value in params):
            # Which boolean is the caller's and which the shape's would be a guess.
            raise FixedQueryError(f"{name}: booleans of its own and of the SQL's")
        return tuple(layout)
    if len(orm_params) != len(params):
        raise FixedQueryError(
            f"{name}: {len(params)} parameters for SQL that takes {len(orm_params)}"
        )
    differ = [
        n for n, (ours, orm) in enumerate(zip(params, orm_params, strict=True)) if ours != orm
    ]
    raise FixedQueryError(f"{name}: parameters at {differ} differ from the ORM's")


@dataclass(frozen=True, slots=True)
class _Constant:
    """A parameter of the SQL that is the same on every run (see `_layout`)."""

    value: Any


def _same(ours: Any, orm: Any) -> bool:
    """Equal, and both booleans or neither (True == 1 in Python)."""
    return ours == orm and isinstance(ours, bool) == isinstance(orm, bool)


def _arranged(layout: tuple | None, params: list[Any]) -> list[Any]:
    """`params` as the SQL takes them (`_layout`)."""
    if layout is None:
        return params
    return [params[at] if isinstance(at, int) else at.value for at in layout]


def db_value(
    model: type[Model],
    name: str,
    value: Any,
    connection: BaseDatabaseWrapper,
    *,
    iexact: bool = False,
) -> Any:
    """`value` as the ORM passes it to the database for a lookup on `model.name` (`iexact`: a
    case-insensitive exact match, which some databases run as an escaped LIKE)."""
    field = model._meta.get_field(name)
    prepared = field.get_db_prep_value(field.get_prep_value(value), connection, prepared=True)
    return connection.ops.prep_for_iexact_query(prepared) if iexact else prepared


@dataclass(frozen=True, slots=True)
class _Compiled:
    sql: str
    count: int  # parameters
    layout: tuple | None  # where the SQL's parameters come from (`_layout`)
    columns: int  # selected (the ORM may add ordering columns after them)
    converters: dict


class FixedQuery:
    """`build(*args)` returns the QuerySet, a `values_list` (rows are tuples: a model instance is
    `Model.from_db` of one); `params(connection, *args)` its parameter values in the SQL's order;
    `suffix` is appended to the SQL (a locking clause the ORM cannot write, for example)."""

    def __init__(
        self,
        name: str,
        build: Callable[..., QuerySet],
        params: Callable[..., Sequence[Any]],
        *,
        suffix: str = "",
    ) -> None:
        self.name = name
        self._build = build
        self._params = params
        self._suffix = suffix
        self._compiled: dict[str, _Compiled] = {}

    def _compile(
        self, connection: BaseDatabaseWrapper, args: tuple, params: list[Any]
    ) -> _Compiled:
        compiler = self._build(*args).query.get_compiler(connection=connection)
        sql, orm_params = compiler.as_sql()
        layout = _layout(self.name, params, orm_params)
        columns = compiler.col_count
        converters = compiler.get_converters([s[0] for s in compiler.select[:columns]])
        compiled = _Compiled(sql + self._suffix, len(params), layout, columns, converters)
        self._compiled[connection.alias] = compiled
        return compiled

    def rows(self, *args: Any, using: str = DEFAULT_DB_ALIAS) -> list[tuple]:
        """The query's rows for these arguments, as `values_list` would give them."""
        connection = connections[using]
        params = list(self._params(connection, *args))
        compiled = self._compiled.get(using) or self._compile(connection, args, params)
        if len(params) != compiled.count:
            raise FixedQueryError(f"{self.name}: {len(params)} parameters, {compiled.count} taken")
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, _arranged(compiled.layout, params))
            rows = cursor.fetchall()
        if not compiled.converters:
            return [tuple(row[: compiled.columns]) for row in rows]
        converted = []
        for row in rows:
            values = list(row[: compiled.columns])
            for position, (functions, expression) in compiled.converters.items():
                value = values[position]
                for function in functions:
                    value = function(value, expression, connection)
                values[position] = value
            converted.append(tuple(values))
        return converted

    def first(self, *args: Any, using: str = DEFAULT_DB_ALIAS) -> tuple | None:
        """The first row, or None."""
        rows = self.rows(*args, using=using)
        return rows[0] if rows else None


class FixedUpdate:
    """An UPDATE of a fixed shape, built once per process like a `FixedQuery`: `build(*args)`
    returns the QuerySet of the rows and the values to set, as `QuerySet.update` takes them;
    `params(connection, *args)` the statement's parameter values in its SQL's order (those of
    the SET clause, then those of the WHERE clause)."""

    def __init__(
        self,
        name: str,
        build: Callable[..., tuple[QuerySet, dict[str, Any]]],
        params: Callable[..., Sequence[Any]],
    ) -> None:
        self.name = name
        self._build = build
        self._params = params
        self._compiled: dict[str, tuple[str, int, tuple | None]] = {}

    def _compile(self, connection: BaseDatabaseWrapper, args: tuple, params: list[Any]):
        queryset, values = self._build(*args)
        query = queryset.query.chain(UpdateQuery)
        query.add_update_values(values)
        query.clear_select_clause()
        sql, orm_params = query.get_compiler(connection=connection).as_sql()
        if query.related_updates:  # more than one statement: not for this class
            raise FixedQueryError(f"{self.name}: updates more than one table")
        layout = _layout(self.name, params, orm_params)
        self._compiled[connection.alias] = compiled = (sql, len(params), layout)
        return compiled

    def run(self, *args: Any, using: str = DEFAULT_DB_ALIAS) -> int:
        """Run the UPDATE for these arguments: how many rows it changed."""
        connection = connections[using]
        params = list(self._params(connection, *args))
        sql, count, layout = self._compiled.get(using) or self._compile(connection, args, params)
        if len(params) != count:
            raise FixedQueryError(f"{self.name}: {len(params)} parameters, {count} taken")
        with transaction.mark_for_rollback_on_error(using=using), connection.cursor() as cursor:
            cursor.execute(sql, _arranged(layout, params))
            return cursor.rowcount
