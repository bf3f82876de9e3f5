"""Test images made with Pillow: metadata-laden photos, bombs, impostors."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image, ImageCms

# Marker strings placed in metadata; none may survive into a derivative.
SECRETS = {
    "make": b"GeheimeKameraMarke",
    "gps": b"GPSGeheim",
    "xmp": b"XmpGeheimnis",
    "comment": b"KommentarGeheimnis",
    "icc": "IccGeheimnis!".encode("utf-16-be"),  # ICC text tags are UTF-16
}
XMP = (
    b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>' + SECRETS["xmp"] + b"</dc:creator>"
    b'</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


def camera_jpeg(path: Path, size=(900, 600)) -> Path:
    """A JPEG as a phone writes it: stored sideways with orientation 6, GPS, XMP, a comment, an ICC profile.

    The stored pixels have a red block top-left; shown upright (rotated 90° clockwise)
    the block is top-right, and the image is taller than wide.
    """
    im = Image.new("RGB", size, (40, 120, 200))
    im.paste((220, 20, 20), (0, 0, size[0] // 4, size[1] // 4))
    exif = Image.Exif()
    exif[0x010F] = SECRETS["make"].decode()  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to show
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (52.0, 31.0, 12.0)
    gps[0x001B] = b"ASCII\x00\x00\x00" + SECRETS["gps"]  # GPSProcessingMethod
    # An sRGB profile whose description text is our marker (same length as "sRGB built-in").
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    icc = icc.replace("sRGB built-in".encode("utf-16-be"), SECRETS["icc"])
    im.save(path, "JPEG", exif=exif, xmp=XMP, comment=SECRETS["comment"], icc_profile=icc, quality=90)
    return path


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bomb_png(path: Path, width=20_000, height=10_000) -> Path:
    """A real, valid 200-megapixel PNG (1 bit per pixel, all black) of a few hundred KB."""
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", data) + _chunk(b"IEND", b""))
    return path


def eps_as_jpg(path: Path) -> Path:
    """An EPS file renamed to .jpg, as editors sometimes send them."""
    path.write_bytes(
        b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\nnewpath 0 0 moveto 100 100 lineto stroke\nshowpage\n%%EOF\n"
    )
    return path
