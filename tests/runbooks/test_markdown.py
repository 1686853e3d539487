"""Markdown runbooks: headings to sections, code to commands, lists to steps."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.runbooks import Runbook, RunbookLoadError, load_runbook

PAGE = """\
---
title: Kube API Down
weight: 20
---

# KubeAPIDown

## Meaning

The [API server](https://example.com/docs) is unreachable.

- `Starting` - a state, not a step

## Mitigation

1. Restart the proxy:
   ```shell
   $ kubectl -n kube-system rollout restart ds/kube-proxy
   ```
2. See [the helper](helpers/diagnosis.md) for more.
- [ ] Tell the `#incidents` channel

## Diagnosis

Check the pods:

```console
$ oc get po -o template --template='{{range .items}}{{.metadata.name}}{{end}}'
$ NODE=<node-name>
```

- Check logs with `kubectl logs -f <pod> -n $NS` now

```
echo "$NODE"
```

## Verification

Nothing fancy here.

## Troubleshooting notes

| Signal | Meaning |
|---|---|
| 503 | [overloaded](https://example.com) |
"""


@pytest.fixture
def runbook(tmp_path: Path) -> Runbook:
    path = tmp_path / "kubernetes" / "KubeAPIDown.md"
    path.parent.mkdir()
    path.write_text(PAGE, encoding="utf-8")
    return load_runbook(path, tmp_path)


def test_front_matter_gives_title_and_path_gives_id(runbook: Runbook) -> None:
    assert runbook.title == "Kube API Down"
    assert runbook.id == "kubernetes/KubeAPIDown"


def test_headings_become_sections_other_text_first(runbook: Runbook) -> None:
    assert [(s.kind, s.title) for s in runbook.sections] == [
        (None, "Meaning"),
        ("mitigate", "Mitigation"),
        # "Troubleshooting notes" is a diagnosis too: merged after "Diagnosis".
        ("diagnose", "Diagnosis"),
        ("verify", "Verification"),
    ]
    meaning = runbook.sections[0]
    assert meaning.steps == ()
    assert "The API server is unreachable." in meaning.text
    assert "- `Starting` - a state, not a step" in meaning.text


def test_list_items_become_steps_with_their_commands(runbook: Runbook) -> None:
    steps = runbook.sections[1].steps
    assert [s.key for s in steps] == ["mitigate.1", "mitigate.2", "mitigate.3"]
    assert steps[0].text == "Restart the proxy"
    assert steps[0].command == "$ kubectl -n kube-system rollout restart ds/kube-proxy"
    assert steps[0].line == 16
    assert steps[1].see == "helpers/diagnosis.md"
    assert steps[2].text == "Tell the `#incidents` channel"
    assert steps[2].command is None
    assert runbook.links == ("helpers/diagnosis.md",)


def test_fenced_code_is_kept_exactly(runbook: Runbook) -> None:
    diagnose = runbook.sections[2]
    first, item, run = diagnose.steps[:3]
    assert first.text == "Check the pods"
    assert first.command == (
        "$ oc get po -o template"
        " --template='{{range .items}}{{.metadata.name}}{{end}}'\n"
        "$ NODE=<node-name>"
    )
    assert item.command == "kubectl logs -f <pod> -n $NS"
    # A fence right after a list item belongs to it only if it has no command.
    assert (run.text, run.command) == ("Run:", 'echo "$NODE"')


def test_tables_stay_readable(runbook: Runbook) -> None:
    diagnose = runbook.sections[2]
    assert "503 | overloaded" in diagnose.text
    assert "Troubleshooting notes" in diagnose.text


def test_title_falls_back_to_heading_then_file_name(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# From heading\n\ntext\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Just text.\n", encoding="utf-8")
    assert load_runbook(tmp_path / "a.md", tmp_path).title == "From heading"
    assert load_runbook(tmp_path / "b.md", tmp_path).title == "b"


def test_long_paragraph_before_code_is_cut_to_a_sentence(tmp_path: Path) -> None:
    long = "Open a debug shell on the node. " + "It takes a while to start. " * 5
    (tmp_path / "r.md").write_text(
        f"## Mitigation\n\n{long}\n\n```\nkubectl debug node/x\n```\n", "utf-8"
    )
    [section] = load_runbook(tmp_path / "r.md", tmp_path).sections
    assert section.steps[0].text == "Open a debug shell on the node."
    assert "It takes a while to start." in section.text


def test_bad_front_matter_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: a\ntitle: b\n---\n# R\n", encoding="utf-8")
    with pytest.raises(RunbookLoadError) as caught:
        load_runbook(path, tmp_path)
    assert str(caught.value) == f"{path}:3: duplicate key 'title' (first at line 2)"


def test_unclosed_front_matter_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: a\n# R\n", encoding="utf-8")
    with pytest.raises(RunbookLoadError) as caught:
        load_runbook(path, tmp_path)
    assert caught.value.error.line == 1


def test_list_item_that_is_all_bold_or_italic_is_a_step(tmp_path: Path) -> None:
    path = tmp_path / "db.md"
    path.write_text(
        "# DB\n\n## Mitigation\n\n- **Page the DBA on-call now**\n- *Freeze deploys*\n"
        "- **[Vendor docs](https://example.com/docs)**\n",
        encoding="utf-8",
    )
    runbook = load_runbook(path, tmp_path)
    steps = [(s.key, s.text, s.line) for s in runbook.steps]
    assert steps == [
        ("mitigate.1", "Page the DBA on-call now", 5),
        ("mitigate.2", "Freeze deploys", 6),
    ]
    assert "Vendor docs" in runbook.sections[-1].text
