"""Benchmark the image pipeline: ``make bench-images`` (N=200 photos of 3000×2000).

Generates photo-like JPEGs (gradients, shapes and sensor noise, so they compress like
photos, not like flat graphics), then runs the pipeline cold (empty cache) and warm,
on all cores, and reports images per second and the size of the derivatives
against the originals. In the same run it times the naive way as a baseline – Pillow in
one process, each width resized with LANCZOS from the full-size original, WebP only
(method 4) – and prints how many times as many images per second the pipeline makes
while writing AVIF, WebP and JPEG.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from _project import ROOT  # noqa: F401 (puts the plugin on sys.path)
from quartiersschau.common.parallel import cpu_count
from quartiersschau.images.derivatives import DEFAULT_MAX_PIXELS, derivative_widths
from quartiersschau.images.pipeline import ImagePipeline


def photo(path: Path, seed: int, size=(3000, 2000)) -> None:
    rng = random.Random(seed)
    base = Image.linear_gradient("L").resize(size).convert("RGB")
    tint = Image.new("RGB", size, (rng.randint(60, 200), rng.randint(60, 200), rng.randint(60, 200)))
    img = Image.blend(base, tint, 0.6)
    draw = ImageDraw.Draw(img)
    for _ in range(25):
        x, y = rng.randint(0, size[0]), rng.randint(0, size[1])
        r = rng.randint(40, 500)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)))
    img = img.filter(ImageFilter.GaussianBlur(3))
    noise = Image.effect_noise(size, 24).convert("RGB")
    Image.blend(img, noise, 0.12).save(path, "JPEG", quality=90)


def naive_webp(sources: list[Path], target: Path) -> float:
    """Seconds for the naive baseline: open, LANCZOS from full size per width, WebP method 4, one process."""
    target.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for source in sources:
        with Image.open(source) as original:
            original.load()
            for width in derivative_widths(original.width):
                height = round(original.height * width / original.width)
                resized = original.resize((width, height), Image.Resampling.LANCZOS)
                resized.save(target / f"{source.stem}-{width}.webp", "WEBP", quality=80, method=4)
    return time.perf_counter() - started


def encoder_settings(sources: list[Path]) -> None:
    """Time and size of one 1600 px derivative per encoder setting: what a faster setting would cost in bytes."""
    import io

    images = []
    for source in sources:
        with Image.open(source) as original:
            original.load()
            images.append(
                original.resize((1600, round(original.height * 1600 / original.width)), Image.Resampling.LANCZOS)
            )
    settings = [
        ("WEBP", {"quality": 78, "method": 4}),
        ("WEBP", {"quality": 78, "method": 2}),
        ("AVIF", {"quality": 60, "speed": 8, "max_threads": 1}),
        ("AVIF", {"quality": 60, "speed": 9, "max_threads": 1}),
    ]
    print(f"encoders at 1600 px (median of {len(images)} photos):")
    for fmt, params in settings:
        times, sizes = [], []
        for image in images:
            buffer = io.BytesIO()
            started = time.perf_counter()
            image.save(buffer, fmt, **params)
            times.append(time.perf_counter() - started)
            sizes.append(buffer.tell())
        print(f"  {fmt} {params}: {statistics.median(times) * 1000:4.0f} ms, {statistics.median(sizes) / 1e3:4.0f} KB")


def stages(sources: list[Path]) -> None:
    """Where one image's time goes, in one process (median ms over *sources*): the floor of the ratio.

    The pipeline's work per image, divided by the cores, against the naive way's: the ratio
    cannot exceed naive / (pipeline / cores), whatever the scheduling.
    """
    import io

    from quartiersschau.images.derivatives import FORMATS, _clean_copy, _to_srgb

    times: dict[str, list[float]] = {}

    def timed(label: str, work):
        started = time.perf_counter()
        result = work()
        times.setdefault(label, []).append((time.perf_counter() - started) * 1000)
        return result

    def opened(source: Path) -> Image.Image:
        image = Image.open(source)
        image.load()
        return image

    for source in sources:
        original = timed("open and decode", lambda source=source: opened(source))
        resized = timed("colour profile, clean copy", lambda o=original: _clean_copy(_to_srgb(o)))
        for width in sorted(derivative_widths(original.width), reverse=True):
            height = round(resized.height * width / resized.width)
            resized = timed(
                f"resize to {width}",
                lambda w=width, h=height, r=resized: r.resize((w, h), Image.Resampling.LANCZOS, reducing_gap=3.0),
            )
            for _ext, fmt, _mime, params in FORMATS:
                timed(f"{fmt} {width}", lambda f=fmt, p=params, r=resized: r.save(io.BytesIO(), f, **p))
            naive = timed(
                f"naive: resize to {width} from full size",
                lambda w=width, h=height, o=original: o.resize((w, h), Image.Resampling.LANCZOS),
            )
            timed(f"naive: WEBP {width}", lambda n=naive: n.save(io.BytesIO(), "WEBP", quality=80, method=4))
    medians = {label: statistics.median(values) for label, values in times.items()}
    print(f"one image, one process (median ms of {len(sources)}):")
    for label, ms in medians.items():
        print(f"  {label:<40} {ms:6.1f}")
    naive = medians["open and decode"] + sum(ms for label, ms in medians.items() if label.startswith("naive"))
    ours = sum(ms for label, ms in medians.items() if not label.startswith("naive"))
    print(
        f"  naive {naive:.0f} ms, pipeline {ours:.0f} ms: on {cpu_count()} cores at best "
        f"{naive / (ours / cpu_count()):.2f} × the naive images per second"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=200)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="qs-bench-images-"))
    try:
        (root / "images").mkdir()
        started = time.perf_counter()
        sources = []
        for i in range(args.n):
            name = f"foto-{i:04d}.jpg"
            photo(root / "images" / name, i)
            sources.append(name)
        print(
            f"{args.n} photo-like JPEGs of 3000×2000 generated in {time.perf_counter() - started:.0f} s ({cpu_count()} cores)"
        )
        pipeline = ImagePipeline(root / "images", root / "cache", workers=cpu_count(), max_pixels=DEFAULT_MAX_PIXELS)
        started = time.perf_counter()
        renditions = pipeline.prepare(sources)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        ImagePipeline(root / "images", root / "cache", workers=cpu_count(), max_pixels=DEFAULT_MAX_PIXELS).prepare(
            sources
        )
        warm = time.perf_counter() - started
        naive = naive_webp([root / "images" / s for s in sources], root / "naive")
        encoder_settings([root / "images" / s for s in sources[:6]])
        stages([root / "images" / s for s in sources[:6]])
        originals = sum((root / "images" / s).stat().st_size for s in sources)
        pipeline.publish(root / "out")
        by_kind: dict[tuple[str, int], list[int]] = {}
        for rendition in renditions.values():
            for v in rendition.variants:
                by_kind.setdefault((v.mime, v.width), []).append((root / "out" / v.url).stat().st_size)
        total = sum(sum(sizes) for sizes in by_kind.values())
        print(f"cold: {cold:.1f} s = {args.n / cold:.2f} images/s (each: 3 widths × AVIF, WebP, JPEG)")
        print(f"warm: {warm:.2f} s (nothing to do)")
        print(
            f"naive Pillow, WebP only, one process: {naive:.1f} s = {args.n / naive:.2f} images/s; "
            f"the pipeline makes {naive / cold:.2f} × as many images per second (goal ≥ 3 ×)"
        )
        print(
            f"originals: {originals / 1e6:.1f} MB, median {statistics.median((root / 'images' / s).stat().st_size for s in sources) / 1e3:.0f} KB"
        )
        print(f"all derivatives together: {total / 1e6:.1f} MB ({total / originals:.0%} of the originals)")
        for (mime, width), sizes in sorted(by_kind.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            median = statistics.median(sizes)
            print(
                f"  {mime:<11} {width:>5} px: median {median / 1e3:6.0f} KB = {median / (originals / args.n):6.1%} of an original"
            )
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
