"""Draw the icons of the web app manifest (debrief/icons/*.png): a white tick on Material's
indigo, as PNG files made with the standard library alone (no image library, no network).

    python scripts/make_icons.py          # writes debrief/icons/
    python scripts/make_icons.py --check  # exits 1 if the files differ from what it draws

`icon-192.png` and `icon-512.png` are a rounded square on a transparent ground; `maskable-512.png`
fills the whole square, its tick inside the middle circle that every mask keeps (80% of the
width), for launchers that cut icons to their own shape. tests/plugin/test_webapp.py checks the
files are what this draws.
"""

from __future__ import annotations

import math
import struct
import sys
import zlib
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "debrief" / "icons"
INDIGO = (0x40, 0x51, 0xB5)  # Material's indigo, the handbook's primary colour
WHITE = (0xFF, 0xFF, 0xFF)
# The tick, as a fraction of the width: two strokes from the left point down, then up.
TICK = ((0.29, 0.52), (0.44, 0.67), (0.72, 0.37))
STROKE = 0.09
CORNER = 0.22  # the rounded square's corner radius, as a fraction of the width

ICONS = {"icon-192.png": (192, False), "icon-512.png": (512, False),
         "maskable-512.png": (512, True)}


def _segment(px: float, py: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance from (px, py) to the segment a-b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((px - a[0]) * dx + (py - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - a[0] - t * dx, py - a[1] - t * dy)


def _rounded_square(px: float, py: float, size: float, radius: float) -> float:
    """Signed distance from (px, py) to a square of `size` with rounded corners (negative
    inside)."""
    half = size / 2
    qx, qy = abs(px - half) - (half - radius), abs(py - half) - (half - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def _cover(distance: float) -> float:
    """How much of a pixel a shape covers, from the signed distance of its centre: a one-pixel
    ramp, which smooths the edges."""
    return max(0.0, min(1.0, 0.5 - distance))


def draw(size: int, maskable: bool) -> bytes:
    """The icon as PNG bytes: RGBA, or RGB for the maskable one, which has no transparency."""
    points = [(x * size, y * size) for x, y in TICK]
    stroke = STROKE * size / 2
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter: none
        for x in range(size):
            px, py = x + 0.5, y + 0.5
            ground = 1.0 if maskable else _cover(_rounded_square(px, py, size, CORNER * size))
            tick = _cover(min(_segment(px, py, points[0], points[1]),
                              _segment(px, py, points[1], points[2])) - stroke)
            colour = [round(i + (w - i) * tick) for i, w in zip(INDIGO, WHITE, strict=True)]
            row += bytes(colour) if maskable else bytes([*colour, round(255 * ground)])
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", size, size, 8, 2 if maskable else 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + b"".join(
        _chunk(kind, data) for kind, data in (
            (b"IHDR", header), (b"IDAT", zlib.compress(b"".join(rows), 9)), (b"IEND", b"")))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    differ = []
    FOLDER.mkdir(exist_ok=True)
    for name, (size, maskable) in ICONS.items():
        drawn = draw(size, maskable)
        path = FOLDER / name
        if check:
            if not path.is_file() or path.read_bytes() != drawn:
                differ.append(name)
        else:
            path.write_bytes(drawn)
            print(f"wrote {path.relative_to(FOLDER.parent.parent)}")
    if differ:
        print(f"differ from what scripts/make_icons.py draws: {', '.join(differ)}. "
              "Fix: run `python scripts/make_icons.py`.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
