"""Option types shared by several commands."""

from __future__ import annotations

from typing import Any, Callable, TypeVar

import click

from ..errors import Errors, InputError

__all__ = ["PositiveIntList", "SIZES", "format_option"]

F = TypeVar("F", bound=Callable[..., Any])


class PositiveIntList(click.ParamType):
    """A comma-separated list of positive integers (``--sizes 10000,100000``)."""

    name = "N,N,…"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> list[int]:
        if isinstance(value, list):
            return value
        try:
            numbers = [int(v) for v in str(value).split(",") if v.strip()]
        except ValueError:
            numbers = []
        if not numbers or min(numbers) < 1:
            raise InputError(Errors.E151.format(value=value))
        return numbers


SIZES = PositiveIntList()


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format text|json|…`` as every printing command spells it (``--json`` stays as an alias)."""

    def wrap(command: F) -> F:
        command = click.option("--json", "as_json", is_flag=True, hidden=True,
                               help="The same as --format json.")(command)
        return click.option("--format", "fmt", type=click.Choice(choices), default=choices[0],
                            show_default=True, help="Output format.")(command)

    return wrap
