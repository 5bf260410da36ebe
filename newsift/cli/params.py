"""Option types shared by several commands."""

from __future__ import annotations

from typing import Any

import click

from ..errors import Errors, InputError

__all__ = ["PositiveIntList", "SIZES"]


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
