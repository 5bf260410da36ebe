import pytest

from newsift import Article, InputError, Options, Pipeline, Report, Resources, ResourceUnavailable, Stage
from newsift.pipeline import STAGES, register_resource, register_stage


@register_resource("test-missing")
def _missing(resources):
    raise ResourceUnavailable("the test resource is not installed")


@register_stage
class _NeedsMissing(Stage):
    name = "test-needs-missing"
    assigns = ("test-layer",)
    resources = ("test-missing",)

    def run(self, report, resources):  # pragma: no cover - never reached
        raise AssertionError


@register_stage
class _Broken(Stage):
    name = "test-broken"
    assigns = ("test-broken",)

    def run(self, report, resources):
        raise RuntimeError("boom")


@register_stage
class _NeedsLayer(Stage):
    name = "test-needs-layer"
    requires = ("test-layer",)

    def run(self, report, resources):  # pragma: no cover - never reached
        raise AssertionError


def test_stage_with_missing_resource_is_skipped_with_reason():
    pipeline = Pipeline(["test-needs-missing"], Resources(Options(db="/nonexistent/x.db")))
    report = pipeline(Report(Article(text="Some text.")))
    record = report.stages[0]
    assert record.status == "skipped"
    assert "not installed" in record.reason


def test_failing_stage_is_recorded_and_others_still_run(monkeypatch):
    monkeypatch.delenv("NEWSIFT_DEBUG", raising=False)
    pipeline = Pipeline(["test-broken", "cleaning"], Resources(Options(db="/nonexistent/x.db")))
    report = pipeline(Report(Article(text="Title here\n\nTitle here\n\nBody.")))
    assert [r.status for r in report.stages] == ["failed", "ran"]
    assert "boom" in report.stages[0].reason


def test_requirements_checked_when_built():
    with pytest.raises(InputError, match="E016"):
        Pipeline(["test-needs-layer"])


def test_dependent_stage_skipped_when_requirement_was_skipped():
    report = Pipeline(["test-needs-missing", "test-needs-layer"], Resources(Options(db="/x/y.db")))(
        Report(Article(text="x y z"))
    )
    assert report.stages[1].status == "skipped"
    assert "test-layer" in report.stages[1].reason


def test_unknown_stage_is_a_usage_error():
    with pytest.raises(InputError, match="E015"):
        Pipeline(["no-such-stage"])


def test_resources_load_once_and_reset():
    calls = []

    @register_resource("test-counted")
    def _counted(resources):
        calls.append(1)
        return object()

    resources = Resources()
    assert resources.get("test-counted") is resources.get("test-counted")
    resources.reset()
    resources.get("test-counted")
    assert len(calls) == 2
    assert "test-broken" in STAGES
