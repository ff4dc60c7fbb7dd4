"""The publishing workflow runs on actions GitHub's runners still start (Node 24, not the Node
20 they removed), runs every test before it deploys, writes to Pages from the deploy job alone,
caches what it installs and stops a job that hangs."""

from __future__ import annotations

import re
from typing import Any

import yaml

from tests.conftest import ROOT

WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
JOBS: dict[str, dict[str, Any]] = WORKFLOW["jobs"]
# The first major of each action that runs on Node 24.
NODE_24 = {"actions/checkout": 5, "actions/setup-python": 6, "actions/setup-node": 5,
           "actions/configure-pages": 6, "actions/upload-pages-artifact": 5,
           "actions/deploy-pages": 5}


def steps() -> list[tuple[str, dict[str, Any]]]:
    return [(name, step) for name, job in JOBS.items() for step in job["steps"]]


def test_every_action_is_a_node_24_major() -> None:
    used = [step["uses"] for _, step in steps() if "uses" in step]
    assert used
    for uses in used:
        action, _, ref = uses.partition("@")
        major = re.fullmatch(r"v(\d+)", ref)
        assert action in NODE_24 and major, uses
        assert int(major.group(1)) >= NODE_24[action], uses


def test_only_the_deploy_job_writes() -> None:
    assert WORKFLOW["permissions"] == {"contents": "read"}
    writers = {name for name, job in JOBS.items()
               if "write" in (job.get("permissions") or {}).values()}
    assert writers == {"deploy"}
    assert JOBS["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_every_job_has_a_time_limit() -> None:
    assert all(0 < job.get("timeout-minutes", 0) <= 60 for job in JOBS.values()), JOBS


def test_the_tests_run_before_the_site_is_built_and_deployed() -> None:
    build = [step.get("run", step.get("uses", "")) for step in JOBS["build"]["steps"]]
    upload = next(n for n, s in enumerate(build) if s.startswith("actions/upload-pages-artifact"))
    assert build.index("make test") < build.index(".venv/bin/mkdocs build --strict") < upload
    assert JOBS["deploy"]["needs"] == "build"


def test_pip_and_npm_are_cached_and_node_is_new_enough() -> None:
    given = {step["uses"].partition("@")[0]: step.get("with", {}) for _, step in steps()
             if "uses" in step}
    assert given["actions/setup-python"]["cache"] == "pip"
    assert given["actions/setup-node"]["cache"] == "npm"
    assert int(given["actions/setup-node"]["node-version"]) >= 20  # the scripts' tests need it
