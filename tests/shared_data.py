"""Where the tests find the project's examples and the shared public data.

A plain module (not conftest) so any test can import it by name, whichever
conftest pytest loaded last.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SEED = SHARED / "seed" / "putin-comey.txt"
EXAMPLES = ROOT / "examples"


def need(path: Path) -> Path:
    """Skip the calling test when a shared dataset is absent."""
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path
