"""A store of the project's examples, indexed by the command, for the bench commands that read a store."""

import pytest

from newsift.cli import main
from shared_data import EXAMPLES


@pytest.fixture
def examples_db(tmp_path, capsys):
    db = str(tmp_path / "examples.db")
    with pytest.raises(SystemExit) as done:
        main(["--db", db, "index", str(EXAMPLES)])
    assert done.value.code == 0
    capsys.readouterr()  # the index command's own output is not the test's
    return db
