"""The classic script a site read from files loads (debrief/assets/bundle.py): it holds every
module of the import graph, parses as a classic script, behaves as the modules do (imports,
default exports, `import.meta.url`, `import()` by name), keeps to its budget, and a script it
cannot take is refused with the file, line and fix."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from debrief.assets import (
    ENTRY,
    LIBRARIES,
    OFFLINE_PAGE_BUDGET,
    STYLES,
    dynamic_imports,
    shipped_assets,
    sources,
    static_imports,
)
from debrief.assets.bundle import BUNDLE, BundleError, classic_bundle
from debrief.collect import classic_assets, site_scripts

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="needs Node")


def import_graph() -> set[str]:
    """Every module the entry reaches, as it loads or later (`import()`, kinds by name)."""
    seen: set[str] = set()
    waiting = [ENTRY]
    while waiting:
        name = waiting.pop()
        if name not in seen:
            seen.add(name)
            waiting += [*static_imports(name), *dynamic_imports(name)]
    return seen


def bundled(text: str) -> set[str]:
    return set(re.findall(r'^"([^"]+)": \(__require, __import, __meta\) =>', text, re.M))


def test_the_bundle_holds_every_module_of_the_import_graph() -> None:
    """And the libraries a kind loaded by name imports (the calendar files), which the graph
    reaches once such a kind imports them."""
    graph = import_graph()
    assert {"pages/app.js", "pages/progress.js", "kinds/worksheet.js"} <= graph
    assert bundled(classic_bundle(site_scripts(), ENTRY)) == graph | set(LIBRARIES) == set(
        sources())


@needs_node
def test_the_shipped_bundle_parses_as_a_classic_script(tmp_path: Path) -> None:
    for name, text in (("written.js", classic_bundle(site_scripts(), ENTRY)),
                       ("shipped.js", classic_assets()[BUNDLE])):
        (tmp_path / name).write_text(text)
        result = subprocess.run([NODE, "--check", str(tmp_path / name)], capture_output=True,
                                text=True, check=False)
        assert result.returncode == 0, result.stderr


def test_no_module_syntax_is_left() -> None:
    text = classic_bundle(site_scripts(), ENTRY)
    assert not re.search(r"^[ \t]*(import|export)\s", text, re.M)
    assert "import.meta" not in text and not re.search(r"(?<![\w$.])import\(", text)


FAKES = {
    "debrief.js": 'import { twice, name as called } from "./lib/b.js";\n'
                  'import thing from "./lib/c.js";\n'
                  "globalThis.out.push(twice(2), called.name, thing.x, import.meta.url);\n"
                  "const kind = 'c';\n"
                  "import(`./lib/${kind}.js`).then((m) => globalThis.out.push(m.default.x));\n"
                  'import("./lib/nothing.js").catch((e) => globalThis.out.push(e.message));\n',
    "lib/b.js": 'globalThis.out.push("b ran");\nexport const twice = (n) => n * 2;\n'
                'export function name() {}\nexport class Unused {}\n',
    "lib/c.js": "import {\n  twice,\n} from './b.js';\n"
                "export default { x: twice(21) };\n",
}


@needs_node
def test_the_bundle_runs_the_modules_as_a_browser_would() -> None:
    """Each module runs once, the first time it is imported; named and default imports, the
    module's own address, and a module imported by a name made at run time all work."""
    script = ("globalThis.out = [];\nglobalThis.document = { currentScript: { src: "
              "'file:///site/assets/debrief/debrief-classic.js' } };\n"
              + classic_bundle(FAKES, "debrief.js")
              + "\nsetTimeout(() => console.log(JSON.stringify(globalThis.out)), 10);\n")
    result = subprocess.run([NODE, "-e", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "b ran", 4, "name", 42, "file:///site/assets/debrief/debrief.js", 42,
        "no script lib/nothing.js in this build"]


@pytest.mark.parametrize(("scripts", "message"), [
    ({"debrief.js": 'import { a } from "./a.js";\n', "a.js": 'import "./debrief.js";\n'},
     "debrief.js: imports form a circle (debrief.js -> a.js -> debrief.js)"),
    ({"debrief.js": "const a = 1;\nexport let b = 2;\n"}, "debrief.js:2: the classic build"),
    ({"debrief.js": 'export { a } from "./a.js";\n', "a.js": ""}, "debrief.js:1:"),
    ({"debrief.js": 'import { a } from "./gone.js";\n'}, "imports gone.js, which is not"),
    ({"debrief.js": "\n\nexport * as all from './a.js';\n"}, "debrief.js:3:"),
    ({"debrief.js": "\nimport data from './a.json' with { type: 'json' };\n"},
     "debrief.js:2: the classic build"),
])
def test_a_script_it_cannot_take_is_refused_by_file_and_line(scripts: dict[str, str],
                                                            message: str) -> None:
    with pytest.raises(BundleError, match=re.escape(message)) as raised:
        classic_bundle(scripts, "debrief.js")
    assert "Fix:" in str(raised.value)


def test_a_page_read_from_files_keeps_to_its_budget() -> None:
    """The bundle and the styles, gzipped as a server would (the same bytes fill a zip); and one
    file holding every module weighs less than the modules gzipped one by one."""
    def gzipped(text: str) -> int:
        return len(gzip.compress(text.encode(), 9))
    bundle = classic_assets()[BUNDLE]
    assert gzipped(bundle) + gzipped(shipped_assets()[STYLES]) <= OFFLINE_PAGE_BUDGET
    modules = [text for name, text in shipped_assets().items() if name.endswith(".js")]
    assert gzipped(bundle) <= sum(map(gzipped, modules))
