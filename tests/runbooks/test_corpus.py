"""Real public Markdown runbooks (../shared/corpus) all load, commands intact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cockpit.runbooks import load_library

CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus" / "runbooks"
FENCE_OPEN = re.compile(r"^( *)(`{3,}|~{3,})")

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason=f"runbook corpus not present at {CORPUS} (only in the team checkout)",
)


def fenced_blocks(text: str) -> list[str]:
    """Fenced block contents as an author wrote them, found without markdown-it.

    Scanned independently of the loader so the test does not share its parser.
    """
    lines = text.splitlines()
    blocks, i = [], 0
    while i < len(lines):
        opener = FENCE_OPEN.match(lines[i])
        i += 1
        if opener is None:
            continue
        indent, mark = len(opener.group(1)), opener.group(2)
        closer = re.compile(rf"^ *{re.escape(mark[0])}{{{len(mark)},}}\s*$")
        body = []
        while i < len(lines) and not closer.match(lines[i]):
            line = lines[i]
            body.append(line[min(indent, len(line) - len(line.lstrip(" "))) :])
            i += 1
        i += 1
        blocks.append("\n".join(body))
    return blocks


def test_every_corpus_runbook_loads_with_commands_verbatim() -> None:
    library = load_library(CORPUS)
    assert [str(e) for e in library.errors] == []
    files = [p for p in CORPUS.rglob("*") if p.is_file() and p.name != "LICENSE"]
    assert len(library.runbooks) == len(files)
    checked = 0
    for runbook in library.runbooks.values():
        assert runbook.title
        for block in fenced_blocks(runbook.source.read_text(encoding="utf-8")):
            if block.strip():
                assert block in runbook.commands, f"{runbook.source}: {block[:60]!r}"
                checked += 1
    assert checked > 100


def test_corpus_sections_and_links_map_as_a_reader_expects() -> None:
    library = load_library(CORPUS)
    api_down = library.runbooks["prometheus-operator/kubernetes/KubeAPIDown"]
    assert api_down.title == "Kube API Down"
    kinds = [s.kind for s in api_down.sections]
    assert kinds == [None, "assess", "mitigate", "diagnose"]
    assert "$ kubectl cluster-info" in api_down.commands
    ceph = library.runbooks[
        "openshift/alerts/openshift-container-storage-operator/CephClusterErrorState"
    ]
    assert "helpers/diagnosis.md" in ceph.links
    assert any(s.see == "helpers/networkConnectivity.md" for s in ceph.steps)
    sync = library.runbooks[
        "prometheus-operator/prometheus-operator/PrometheusOperatorSyncFailed"
    ]
    assert sync.step("diagnose.1").command == (
        "kubect logs -f <name_of_pod> -n <name_of_namespace>"
    )


def test_corpus_bold_list_items_are_steps() -> None:
    library = load_library(CORPUS)
    [runbook] = [
        r
        for r in library.runbooks.values()
        if r.source.name == "VirtualMachineStuckOnNode.md"
    ]
    assert any(
        s.line == 47 and s.text == "Local image cache corruption" for s in runbook.steps
    )
