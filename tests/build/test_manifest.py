"""The plugin writes a manifest of every widget, so a progress page needs no crawling. It holds
only what the progress and log pages read."""

from __future__ import annotations

import json
import re
from pathlib import Path


def test_manifest_lists_every_widget_of_the_built_site(built_site: Path) -> None:
    manifest = json.loads((built_site / "assets" / "debrief" / "manifest.json").read_text())
    assert set(manifest) == {"version", "widgets"} and manifest["version"] == 1
    listed = {w["id"]: w for w in manifest["widgets"]}
    found = {}
    for html in built_site.rglob("index.html"):
        text = html.read_text()
        widgets = r'<section [^>]*data-debrief="[a-z]+"[^>]*id="([a-z0-9-]+)"'
        for match in re.finditer(widgets, text):
            section = text[match.start():text.index("</section>", match.start())]
            # Checklist items, worksheet criteria, and the controls of a fields or entries tool
            # (a choice of several once, for its group of checkboxes).
            count = len(re.findall(r"<(?:li|fieldset) [^>]*data-item=|"
                                   r"<(?:textarea|select) [^>]*data-field=|"
                                   r'<input (?![^>]*type="checkbox")[^>]*data-field=|'
                                   r'<fieldset [^>]*data-type="choices"', section))
            found[match.group(1)] = (html.parent.relative_to(built_site).as_posix(), count)
    assert set(listed) == set(found)
    for widget_id, (folder, count) in found.items():
        entry = listed[widget_id]
        assert entry["page"]["url"].rstrip("/") == ("" if folder == "." else folder)
        assert len(entry["items"]) == count, widget_id
        for item in entry["items"]:
            if "guide" in item:
                assert (built_site / item["guide"].split("#")[0] / "index.html").exists(), item


def test_manifest_follows_the_navigation(built_site: Path) -> None:
    manifest = json.loads((built_site / "assets" / "debrief" / "manifest.json").read_text())
    # Home and Writing tools are pages outside every section: their title alone names them,
    # once (the coach summary and the progress page would otherwise say "Home: Home").
    pages = {w["page"]["url"]: w["page"] for w in manifest["widgets"]}
    assert pages[""] == {"url": "", "title": "Home", "section": ""}
    assert pages["authoring/"] == {"url": "authoring/", "title": "Writing tools", "section": ""}
    sections = [w["page"]["section"] or w["page"]["title"] for w in manifest["widgets"]]
    order = list(dict.fromkeys(sections))
    assert order == ["Home", "Prepare", "After the interview", "Learn from it", "For employers",
                     "For coaches", "Writing tools"]
    # The progress page, drawn at build time, gives that page a group named by its title.
    progress = (built_site / "progress" / "index.html").read_text()
    assert re.findall(r"<h3[^>]*>([^<]*)</h3>", progress) == [
        "Home", "Prepare", "After the interview", "Learn from it", "For employers",
        "For coaches", "Writing tools"]
    assert sections == sorted(sections, key=order.index), "widgets of a section stay together"
    self_rating = next(w for w in manifest["widgets"] if w["id"] == "learn-self-rating")
    assert self_rating["scale"] == ["Not shown", "Weak", "Adequate", "Strong", "Outstanding"]
    assert self_rating["items"][0] == {"id": "communication", "text": "Communication",
                                       "guide": "prepare/mock-interviews/"}
