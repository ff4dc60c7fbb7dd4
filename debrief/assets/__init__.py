"""The widgets' script and styles, minified as the site ships them."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

FOLDER = Path(__file__).parent
MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def shipped_assets() -> dict[str, str]:
    """File name to minified text, for every script and style sheet in this folder."""
    return {path.name: MINIFIERS[path.suffix](path.read_text())
            for path in sorted(FOLDER.iterdir()) if path.suffix in MINIFIERS}
