import pytest

from newsift import Article, InputError, Options, Pipeline, Report, Resources, ResourceUnavailable, Stage
from newsift.analysis import build_pipeline
from newsift.stages import CleaningStage


def _missing(resources):
    raise ResourceUnavailable("the test resource is not installed")


class _NeedsMissing(Stage):
    name = "test-needs-missing"
    assigns = ("test-layer",)
    resources = {"test-missing": _missing}

    def run(self, report, resources):  # pragma: no cover - never reached
        raise AssertionError


class _Broken(Stage):
    name = "test-broken"
    assigns = ("test-broken",)

    def run(self, report, resources):
        raise RuntimeError("boom")


class _NeedsLayer(Stage):
    name = "test-needs-layer"
    requires = ("test-layer",)

    def run(self, report, resources):  # pragma: no cover - never reached
        raise AssertionError


def test_stage_with_missing_resource_is_skipped_with_reason():
    pipeline = Pipeline([_NeedsMissing], Resources(Options(db="/nonexistent/x.db")))
    report = pipeline(Report(Article(text="Some text.")))
    record = report.stages[0]
    assert record.status == "skipped"
    assert "not installed" in record.reason


def test_failing_stage_is_recorded_and_others_still_run(monkeypatch):
    monkeypatch.delenv("NEWSIFT_DEBUG", raising=False)
    pipeline = Pipeline([_Broken, CleaningStage], Resources(Options(db="/nonexistent/x.db")))
    report = pipeline(Report(Article(text="Title here\n\nTitle here\n\nBody.")))
    assert [r.status for r in report.stages] == ["failed", "ran"]
    assert "boom" in report.stages[0].reason


def test_requirements_checked_when_built():
    with pytest.raises(InputError, match="E016"):
        Pipeline([_NeedsLayer])


def test_dependent_stage_skipped_when_requirement_was_skipped():
    report = Pipeline([_NeedsMissing, _NeedsLayer], Resources(Options(db="/x/y.db")))(
        Report(Article(text="x y z"))
    )
    assert report.stages[1].status == "skipped"
    assert "test-layer" in report.stages[1].reason


def test_unknown_stage_is_a_usage_error():
    with pytest.raises(InputError, match="E015"):
        build_pipeline(["no-such-stage"])


def test_resources_load_once_and_reset():
    calls = []

    def _counted(resources):
        calls.append(1)
        return object()

    resources = Resources(loaders={"test-counted": _counted})
    assert resources.get("test-counted") is resources.get("test-counted")
    resources.reset()
    resources.get("test-counted")
    assert len(calls) == 2


def test_a_resource_without_loader_is_unavailable():
    with pytest.raises(ResourceUnavailable, match="no loader"):
        Resources().get("nothing-declares-this")
