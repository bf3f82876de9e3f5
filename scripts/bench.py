"""Benchmark: a synthetic programme of N micro-projects, built cold, unchanged, after one edit.

``make bench N=1000`` (or ``python scripts/bench.py 1000 --repeat 3 --against-hugo``). The
programme has 40 sites, N projects of about 400 words, N/20 stories and a few images,
generated with a fixed seed in a temporary folder. Each build runs in its own process;
we report wall time, pages written per second and the peak memory of the whole process
tree (``_measure``). Scenarios: cold (no cache, no output), warm (nothing changed), edit
(one project's summary changed, as an editor would), image (one image file replaced).
``--against-hugo`` writes the same records as a Hugo site (``bench_hugo``) and times, in
the same run and interleaved with ours, Hugo cold, Hugo's second run and Hugo followed by
Pagefind, then prints the ratios issue 14 asks for. Medians over ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import _measure
import bench_hugo
import yaml
from PIL import Image

from _project import ROOT
from quartiersschau.records.geo import interior_point, read_features

IMAGES = 8

WORDS = (  # noqa: SIM905 (one readable block of words)
    "Quartier Jugendliche Nachbarschaft Projekt Werkstatt Schule Sprache Garten Fahrrad Musik Theater "
    "Sport Treffpunkt Beratung Familie Stadtteil Idee Zukunft Kunst Wand Farbe Ausstellung Konferenz "
    "Gespräch Austausch Begegnung Freizeit Ausbildung Arbeit Verein Kirche Moschee Bibliothek Park Platz "
    "Straße Fest Nachmittag Abend Woche Sommer Winter Gruppe Team Mädchen Jungen Eltern Nachbarn "
    "gemeinsam gestalten bauen reparieren lernen sprechen planen zeigen feiern kochen singen tanzen "
    "schreiben fotografieren erzählen entdecken helfen treffen öffnen verändern erleben ausprobieren neu "
    "bunt offen leise laut klein groß wichtig eigene viele wenige junge ältere alle jeden zusammen im am "
    "mit für und oder aber dann danach heute morgen dort hier wieder zuerst später oft selten"
).split()


def words(rng: random.Random, count: int) -> str:
    sentences, total = [], 0
    while total < count:
        length = rng.randint(8, 16)
        sentence = " ".join(rng.choice(WORDS) for _ in range(length))
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        total += length
    return " ".join(sentences)


def markdown_text(rng: random.Random, count: int) -> str:
    parts = [
        words(rng, count // 3),
        "## Wie es lief",
        words(rng, count // 3),
        "- " + words(rng, 8),
        "- " + words(rng, 8),
        words(rng, count // 3),
    ]
    return "\n\n".join(parts)


def write_yaml(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def draw_image(path: Path, seed: int) -> None:
    """A 1200 × 800 photo-like gradient (distinct per *seed*), as an editor's upload would be."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    small = Image.new("RGB", (12, 8))
    small.putdata([tuple(rng.randrange(40, 220) for _ in range(3)) for _ in range(96)])
    small.resize((1200, 800), Image.Resampling.BICUBIC).save(path)


def image_entry(k: int) -> dict:
    return {"src": f"bench/bild-{k}.png", "alt": f"Farbverlauf Nummer {k}", "credit": "Benchmark", "licence": "CC0 1.0"}


def generate(root: Path, n_projects: int, n_sites: int = 40, seed: int = 1) -> None:
    """Write a complete synthetic site (data/ and content/) under *root*."""
    rng = random.Random(seed)
    data, content = root / "data", root / "content"
    for folder in (data / "sites", data / "projects", content / "stories", content / "pages"):
        folder.mkdir(parents=True)
    for k in range(IMAGES):
        draw_image(content / "images" / "bench" / f"bild-{k}.png", k)
    for name in ("programme.yaml", "themes.yaml", "regions.yaml"):
        shutil.copy(ROOT / "data" / name, data / name)
    shutil.copytree(ROOT / "data" / "geo", data / "geo")
    for page in (ROOT / "content" / "pages").glob("*.md"):
        shutil.copy(page, content / "pages" / page.name)
    themes = [t["id"] for t in yaml.safe_load((data / "themes.yaml").read_text(encoding="utf-8"))]
    region_list = yaml.safe_load((data / "regions.yaml").read_text(encoding="utf-8"))
    regions = [r["id"] for r in region_list]
    # Sites lie in their region (validation checks it): near a point inside its outline.
    outlines = read_features(data / "geo" / "de-laender.geojson", "iso_3166_2")
    centres = [interior_point(outlines[r["geo"]]) for r in region_list]
    sites = [f"standort-{i:02d}" for i in range(1, n_sites + 1)]
    for i, site in enumerate(sites):
        write_yaml(
            data / "sites" / f"{site}.yaml",
            {
                "name": f"Stadt {i + 1} – Quartier {i + 1}",
                "city": f"Stadt {i + 1}",
                "quarter": f"Quartier {i + 1}",
                "region": regions[i % len(regions)],
                "coordinates": {
                    "lat": round(centres[i % len(regions)][0] + (rng.random() - 0.5) * 0.02, 3),
                    "lon": round(centres[i % len(regions)][1] + (rng.random() - 0.5) * 0.02, 3),
                },
                "phase": "model",
                "since": 2017,
                "themes": rng.sample(themes, 3),
                "summary": words(rng, 25)[:290],
                "description": markdown_text(rng, 150),
                "office": {
                    "address": {
                        "street": f"Musterstraße {i + 1}",
                        "postcode": f"{10000 + i * 7:05d}",
                        "city": f"Stadt {i + 1}",
                    },
                    "opening_hours": [{"days": "Montag bis Donnerstag", "hours": "10:00–16:00"}],
                    "email": f"{site}@example.org",
                },
            },
        )
    projects = []
    for i in range(n_projects):
        project_id = f"projekt-{i:05d}"
        projects.append(project_id)
        year = 2017 + i % 8
        write_yaml(
            data / "projects" / f"{project_id}.yaml",
            {
                "title": f"Projekt {i}: " + words(rng, 4).rstrip("."),
                "site": sites[i % n_sites],
                "year": year,
                "themes": rng.sample(themes, 2),
                "format": "Werkstatt",
                "participants": rng.randint(5, 80),
                "status": "completed",
                "summary": words(rng, 25)[:290],
                "description": markdown_text(rng, 400),
                **({"images": [image_entry(i // 5 % IMAGES)]} if i % 5 == 0 else {}),
            },
        )
    for i in range(max(1, n_projects // 20)):
        header = {
            "title": f"Geschichte {i}",
            "date": f"{2018 + i % 7}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "summary": words(rng, 20)[:290],
            "sites": [sites[i % n_sites]],
            "projects": [projects[(i * 20) % n_projects]],
            "themes": [themes[i % len(themes)]],
        }
        text = (
            "---\n"
            + yaml.safe_dump(header, allow_unicode=True, sort_keys=False)
            + "---\n"
            + markdown_text(rng, 400)
            + "\n"
        )
        (content / "stories" / f"geschichte-{i:04d}.md").write_text(text, encoding="utf-8")


def build_command(root: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pelican",
        str(root / "content"),
        "-s",
        str(ROOT / "pelicanconf.py"),
        "-q",
        "-o",
        str(root / "output"),
        "-e",
        f'CACHE_PATH="{root / "cache"}"',
    ]


def build(root: Path) -> dict:
    """One build in a child process: wall time, pages, peak memory of the process tree."""
    result = _measure.run(build_command(root), cwd=root)
    result["pages"] = sum(1 for _ in (root / "output").rglob("*.html"))
    return result


def edit_one_project(root: Path, run: int) -> None:
    """Change one project's summary, as an editor would (a new text on every run)."""
    path = sorted((root / "data" / "projects").glob("*.yaml"))[len(list((root / "data" / "projects").glob("*"))) // 2]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["summary"] = f"Geänderte Kurzbeschreibung, Fassung {run + 1}: {data['summary'][:120]}"
    write_yaml(path, data)


def replace_one_image(root: Path, run: int) -> None:
    """Replace one image file by another picture under the same name (an editor's new photo)."""
    draw_image(root / "content" / "images" / "bench" / "bild-0.png", 1000 + run)


def median(runs: list[dict], key: str = "seconds") -> float:
    return statistics.median(r[key] for r in runs)


def report(label: str, runs: list[dict]) -> None:
    seconds, peak = median(runs), median(runs, "peak_mib")
    pages = runs[0].get("pages")
    per_second = f"{pages:7d} pages  {pages / seconds:8.1f} pages/s" if pages else " " * 30
    all_runs = ", ".join(f"{r['seconds']:.2f}" for r in runs)
    print(f"{label:<14} {seconds:8.2f} s  {per_second}  {peak:7.0f} MiB peak (tree)   (runs: {all_runs} s)", flush=True)


def ratios(ours: dict[str, list[dict]], hugo: dict[str, list[dict]]) -> None:
    """The ratios of issue 14's goals, from medians of the same run."""
    rows = [
        ("edit / Hugo second run", median(ours["edit"]) / median(hugo["hugo-second"]), 0.3),
        ("warm / Hugo second run", median(ours["warm"]) / median(hugo["hugo-second"]), 0.2),
        ("cold / Hugo + Pagefind", median(ours["cold"]) / median(hugo["hugo+pagefind"]), 1.0),
        (
            "cold peak memory / Hugo + Pagefind's",
            median(ours["cold"], "peak_mib") / median(hugo["hugo+pagefind"], "peak_mib"),
            0.5,
        ),
    ]
    for label, value, goal in rows:
        verdict = "erreicht" if value <= goal else "nicht erreicht"
        print(f"{label:<38} {value:6.2f} ×   (Ziel ≤ {goal} ×: {verdict})", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=1000, help="number of micro-projects")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the median is reported")
    parser.add_argument("--against-hugo", action="store_true", help="time Hugo (and Hugo + Pagefind) in the same run")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    if args.against_hugo and not shutil.which("hugo"):
        raise SystemExit("--against-hugo: hugo ist nicht installiert (Debian: apt-get install hugo)")
    root = Path(tempfile.mkdtemp(prefix=f"qs-bench-{args.n}-"))
    try:
        started = time.perf_counter()
        generate(root, args.n)
        print(
            f"Synthetic programme: 40 sites, {args.n} projects, {max(1, args.n // 20)} stories, {IMAGES} images "
            f"(generated in {time.perf_counter() - started:.1f} s, {os.cpu_count()} CPUs) in {root}",
            flush=True,
        )
        hugo_site = root / "hugo"
        if args.against_hugo:
            bench_hugo.write_hugo_site(root, hugo_site)
        ours = {"cold": [], "warm": [], "edit": [], "image": []}
        hugo = {"hugo-cold": [], "hugo-second": [], "hugo+pagefind": []}
        for run in range(args.repeat):
            shutil.rmtree(root / "cache", ignore_errors=True)
            shutil.rmtree(root / "output", ignore_errors=True)
            ours["cold"].append(build(root))
            ours["warm"].append(build(root))
            edit_one_project(root, run)
            ours["edit"].append(build(root))
            replace_one_image(root, run)
            ours["image"].append(build(root))
            if args.against_hugo:
                bench_hugo.clean(hugo_site)
                hugo["hugo-cold"].append(_measure.run(bench_hugo.hugo_command(hugo_site)))
                hugo["hugo-second"].append(_measure.run(bench_hugo.hugo_command(hugo_site)))
                bench_hugo.clean(hugo_site)
                hugo["hugo+pagefind"].append(_measure.run(bench_hugo.hugo_and_pagefind_command(hugo_site)))
        for label, runs in ours.items():
            report(label, runs)
        if args.against_hugo:
            for label, runs in hugo.items():
                report(label, runs)
            ratios(ours, hugo)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
