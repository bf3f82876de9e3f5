"""Draw the demo's illustrations with Pillow and write their image fields into the records.

There are no photos on this machine and the demo must not show real people, so the
demo gets calm geometric illustrations in the theme's palette: one street scene per
site (JPEG) and one symbol per theme (PNG, one WebP). Each drawing is made from a
seed, and its alt text is written from what was actually drawn, so it stays true.

Run once after changing sites or themes: ``python scripts/draw_demo_images.py``.
"""

from __future__ import annotations

import random
import re
import sys

import yaml
from PIL import Image, ImageDraw

from _project import ROOT

PALETTE = {
    "Petrol": (11, 90, 115),
    "Dunkelpetrol": (7, 63, 81),
    "Orange": (163, 64, 15),
    "Sand": (233, 214, 176),
    "Grün": (79, 143, 111),
    "Gelb": (224, 165, 38),
    "Hellgrau": (197, 206, 214),
    "Weiß": (255, 255, 255),
}
SKY = (242, 245, 247)
CREDIT = "Illustration: Quartiersschau-Demo, mit Pillow gezeichnet"
LICENCE = "CC0 1.0"
SITE_SIZE = (2400, 1600)
THEME_SIZE = (2000, 1333)

IMAGES = ROOT / "content" / "images"
DATA = ROOT / "data"


def _house(draw: ImageDraw.ImageDraw, x: int, width: int, height: int, ground: int, colour, rng: random.Random) -> None:
    top = ground - height
    draw.rectangle((x, top, x + width, ground), fill=colour)
    draw.polygon(
        [(x - 10, top), (x + width // 2, top - width // 3), (x + width + 10, top)], fill=PALETTE["Dunkelpetrol"]
    )
    for row in range(max(1, height // 160)):
        for col in range(max(1, width // 110)):
            wx = x + 30 + col * 110
            wy = top + 40 + row * 160
            if wx + 50 < x + width - 10 and wy + 70 < ground - 60:
                lit = rng.random() < 0.4
                draw.rectangle((wx, wy, wx + 50, wy + 70), fill=PALETTE["Gelb"] if lit else PALETTE["Weiß"])


def draw_street(seed: str) -> tuple[Image.Image, str]:
    """A row of houses with trees and a sun; returns the image and an alt text for it."""
    rng = random.Random(seed)
    img = Image.new("RGB", SITE_SIZE, SKY)
    draw = ImageDraw.Draw(img)
    width, height = SITE_SIZE
    ground = int(height * 0.8)
    sun_x = rng.randint(300, width - 300)
    draw.ellipse((sun_x - 150, 150, sun_x + 150, 450), fill=PALETTE["Gelb"])
    draw.rectangle((0, ground, width, height), fill=PALETTE["Hellgrau"])
    houses, x = 0, 60
    colours = ["Petrol", "Orange", "Sand", "Grün"]
    used = set()
    while x < width - 250:
        w = rng.randint(220, 380)
        name = rng.choice(colours)
        used.add(name)
        _house(draw, x, w, rng.randint(500, 900), ground, PALETTE[name], rng)
        houses += 1
        x += w + rng.randint(40, 120)
    trees = rng.randint(1, 3)
    for _ in range(trees):
        tx = rng.randint(100, width - 100)
        draw.rectangle((tx - 15, ground - 140, tx + 15, ground + 40), fill=PALETTE["Dunkelpetrol"])
        draw.ellipse((tx - 110, ground - 330, tx + 110, ground - 110), fill=PALETTE["Grün"])
    colour_words = (
        " und ".join(sorted(used)) if len(used) < 3 else ", ".join(sorted(used)[:-1]) + " und " + sorted(used)[-1]
    )
    tree_words = "einem Baum" if trees == 1 else f"{trees} Bäumen"
    alt = (
        f"Illustration: eine Häuserzeile aus {houses} Häusern in {colour_words} mit {tree_words} und einer gelben Sonne"
    )
    return img, alt


def _theme_symbol(theme: str, draw: ImageDraw.ImageDraw, w: int, h: int) -> str:
    """Draw the symbol of a theme; returns what it shows, for the alt text."""
    cx, cy = w // 2, h // 2
    p = PALETTE
    if theme == "bildung":
        draw.polygon([(cx, cy - 250), (cx - 520, cy - 330), (cx - 520, cy + 250), (cx, cy + 330)], fill=p["Petrol"])
        draw.polygon([(cx, cy - 250), (cx + 520, cy - 330), (cx + 520, cy + 250), (cx, cy + 330)], fill=p["Orange"])
        return "ein aufgeschlagenes Buch mit einer petrolblauen und einer orangen Seite"
    if theme == "integration":
        for dx, dy, colour in ((-180, -100, "Petrol"), (180, -100, "Orange"), (0, 180, "Grün")):
            draw.ellipse((cx + dx - 300, cy + dy - 300, cx + dx + 300, cy + dy + 300), outline=p[colour], width=40)
        return "drei ineinandergreifende Ringe in Petrol, Orange und Grün"
    if theme == "nachbarschaft":
        for dx, colour in ((-420, "Petrol"), (120, "Orange")):
            draw.rectangle((cx + dx, cy - 120, cx + dx + 300, cy + 300), fill=p[colour])
            draw.polygon(
                [(cx + dx - 30, cy - 120), (cx + dx + 150, cy - 320), (cx + dx + 330, cy - 120)], fill=p["Dunkelpetrol"]
            )
        draw.rectangle((cx - 120, cy + 300, cx + 120, h), fill=p["Sand"])
        return "zwei Häuser nebeneinander, ein petrolblaues und ein oranges, mit einem Weg davor"
    if theme == "kultur":
        draw.rectangle((cx - 600, cy + 200, cx + 600, cy + 320), fill=p["Dunkelpetrol"])
        draw.polygon([(cx, cy - 500), (cx - 350, cy + 200), (cx + 350, cy + 200)], fill=p["Gelb"])
        draw.rectangle((cx - 700, cy - 500, cx - 450, cy + 320), fill=p["Orange"])
        draw.rectangle((cx + 450, cy - 500, cx + 700, cy + 320), fill=p["Orange"])
        return "eine Bühne mit orangem Vorhang und einem gelben Lichtkegel"
    if theme == "beteiligung":
        for dx, dy, colour in ((-450, -150, "Petrol"), (0, 100, "Orange"), (450, -150, "Grün")):
            draw.rounded_rectangle(
                (cx + dx - 220, cy + dy - 150, cx + dx + 220, cy + dy + 150), radius=60, fill=p[colour]
            )
            draw.polygon(
                [(cx + dx - 60, cy + dy + 140), (cx + dx - 120, cy + dy + 260), (cx + dx + 20, cy + dy + 140)],
                fill=p[colour],
            )
        return "drei Sprechblasen in Petrol, Orange und Grün"
    if theme == "gesundheit-und-bewegung":
        for dx in (-350, 350):
            draw.ellipse((cx + dx - 260, cy - 60, cx + dx + 260, cy + 460), outline=p["Petrol"], width=36)
        draw.line(
            [(cx - 350, cy + 200), (cx - 50, cy - 150), (cx + 250, cy - 150), (cx + 350, cy + 200)],
            fill=p["Orange"],
            width=36,
        )
        draw.line([(cx - 50, cy - 150), (cx, cy + 200), (cx - 350, cy + 200)], fill=p["Orange"], width=36)
        return "ein Fahrrad aus zwei petrolblauen Rädern und einem orangen Rahmen"
    if theme == "oeffentlicher-raum":
        draw.rectangle((cx - 450, cy + 120, cx + 150, cy + 170), fill=p["Orange"])
        draw.rectangle((cx - 420, cy + 170, cx - 380, cy + 330), fill=p["Dunkelpetrol"])
        draw.rectangle((cx + 80, cy + 170, cx + 120, cy + 330), fill=p["Dunkelpetrol"])
        draw.rectangle((cx + 380, cy - 420, cx + 410, cy + 330), fill=p["Dunkelpetrol"])
        draw.ellipse((cx + 330, cy - 480, cx + 460, cy - 350), fill=p["Gelb"])
        draw.rectangle((cx - 640, cy - 100, cx - 600, cy + 330), fill=p["Dunkelpetrol"])
        draw.ellipse((cx - 800, cy - 450, cx - 440, cy - 60), fill=p["Grün"])
        return "eine orange Parkbank zwischen einem grünen Baum und einer Laterne"
    if theme == "klima-und-umwelt":
        draw.ellipse((cx + 250, cy - 500, cx + 550, cy - 200), fill=p["Gelb"])
        draw.polygon(
            [(cx - 500, cy + 350), (cx - 250, cy - 300), (cx + 200, cy - 100), (cx - 100, cy + 350)], fill=p["Grün"]
        )
        draw.line([(cx - 500, cy + 350), (cx + 50, cy - 150)], fill=p["Dunkelpetrol"], width=20)
        return "ein großes grünes Blatt und eine gelbe Sonne"
    if theme == "vielfalt-und-demokratie":
        names = ["Petrol", "Orange", "Grün", "Gelb", "Dunkelpetrol", "Sand", "Orange"]
        for i, name in enumerate(names):
            x = cx - 780 + i * 260
            draw.ellipse((x - 70, cy - 260, x + 70, cy - 120), fill=p[name])
            draw.rounded_rectangle((x - 100, cy - 100, x + 100, cy + 260), radius=50, fill=p[name])
        return "sieben stilisierte Figuren in verschiedenen Farben in einer Reihe"
    raise SystemExit(f"no symbol for theme {theme!r}")


def draw_theme(theme: str) -> tuple[Image.Image, str]:
    img = Image.new("RGB", THEME_SIZE, SKY)
    shows = _theme_symbol(theme, ImageDraw.Draw(img), *THEME_SIZE)
    return img, f"Illustration: {shows}"


def _image_yaml(src: str, alt: str, indent: str) -> str:
    data = {"src": src, "alt": alt, "credit": CREDIT, "licence": LICENCE}
    lines = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000).splitlines()
    return "\n".join(indent + line for line in lines) + "\n"


def _replace_block(text: str, key: str, block: str) -> str:
    """Replace a top-level YAML key (and its indented lines) or append it."""
    pattern = re.compile(rf"^{key}:\n(?:[ -].*\n?)*", re.M)
    return pattern.sub(lambda _m: block, text, count=1) if pattern.search(text) else text.rstrip("\n") + "\n" + block


def main() -> int:
    (IMAGES / "standorte").mkdir(parents=True, exist_ok=True)
    (IMAGES / "themen").mkdir(parents=True, exist_ok=True)
    site_images, theme_images = {}, {}
    for path in sorted((DATA / "sites").glob("*.yaml")):
        img, alt = draw_street(path.stem)
        src = f"standorte/{path.stem}.jpg"
        img.save(IMAGES / src, "JPEG", quality=85, optimize=True)
        site_images[path.stem] = (src, alt)
        path.write_text(
            _replace_block(path.read_text(encoding="utf-8"), "image", "image:\n" + _image_yaml(src, alt, "  ")),
            encoding="utf-8",
        )
    for theme in yaml.safe_load((DATA / "themes.yaml").read_text(encoding="utf-8")):
        img, alt = draw_theme(theme["id"])
        ext, fmt = ("webp", "WEBP") if theme["id"] == "kultur" else ("png", "PNG")
        src = f"themen/{theme['id']}.{ext}"
        img.save(IMAGES / src, fmt, **({"lossless": True} if fmt == "WEBP" else {"optimize": True}))
        theme_images[theme["id"]] = (src, alt)
    for path in sorted((DATA / "projects").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        pictures = [theme_images[data["themes"][0]]]
        if data.get("featured"):
            pictures.append(site_images[data["site"]])
        block = "images:\n" + "".join(
            _image_yaml(src, alt, "  ").replace("  src:", "  - src:", 1).replace("\n  ", "\n    ")
            for src, alt in pictures
        )
        path.write_text(_replace_block(path.read_text(encoding="utf-8"), "images", block), encoding="utf-8")
    for path in sorted((ROOT / "content" / "stories").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, header, body = text.split("---\n", 2)
        data = yaml.safe_load(header)
        src, alt = site_images[data["sites"][0]] if data.get("sites") else theme_images[data["themes"][0]]
        header = _replace_block(header, "cover", "cover:\n" + _image_yaml(src, alt, "  "))
        path.write_text(f"---\n{header}---\n{body}", encoding="utf-8")
    print(f"{len(site_images)} Standortbilder und {len(theme_images)} Themenbilder gezeichnet; Datensätze ergänzt.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
