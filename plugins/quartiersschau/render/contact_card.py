"""Reaching a site's office: a vCard to save it, a route link, a QR code for print.

vCards are made with vobject, QR codes with segno (as inline SVG); both are text
built from the records, so they are deterministic. Routes are plain outbound links
to OpenStreetMap: nothing is embedded or loaded from there.
"""

from __future__ import annotations

from urllib.parse import quote

import segno
import vobject
from markupsafe import Markup

from ..catalogue.model import Site
from ..catalogue.programme import Programme

VCARD_FILE = "{url}buero.vcf"


def vcard(site: Site, programme: Programme, page_url: str) -> str:
    """A vCard 3.0 of the site's office (the office must exist)."""
    office = site.office
    name = office.name or f"Vor-Ort-Büro {site.name}"
    card = vobject.vCard()
    card.add("fn").value = name
    card.add("n").value = vobject.vcard.Name(family=name)
    card.add("org").value = [site.organisation.name if site.organisation else programme.short_name]
    adr = card.add("adr")
    adr.value = vobject.vcard.Address(
        street=office.address.street_line,
        city=office.address.city,
        code=office.address.postcode,
    )
    adr.type_param = "WORK"
    if office.phone:
        tel = card.add("tel")
        tel.value = office.phone
        tel.type_param = "WORK"
    if office.email:
        email = card.add("email")
        email.value = office.email
        email.type_param = "INTERNET"
    if page_url:
        card.add("url").value = page_url
    if office.opening_hours:
        card.add("note").value = "Öffnungszeiten: " + "; ".join(f"{h.days} {h.hours}" for h in office.opening_hours)
    lat, lon = _destination(site)
    card.add("geo").value = f"{lat};{lon}"
    return card.serialize()


def _destination(site: Site) -> tuple[float, float]:
    """The office's position, or the quarter's where the office has none."""
    office = site.office
    return (office.lat, office.lon) if office and office.lat is not None else (site.lat, site.lon)


def route_url(site: Site) -> str:
    """OpenStreetMap directions to the office (or, without its position, to the quarter)."""
    lat, lon = _destination(site)
    return "https://www.openstreetmap.org/directions?route=" + quote(f";{lat},{lon}", safe="")


def qr_svg(url: str) -> str:
    """A QR code of *url* as inline SVG with a text alternative (WCAG 1.1.1)."""
    svg = segno.make(url, error="m").svg_inline(
        scale=3, border=2, title="QR-Code mit der Adresse dieser Seite", svgclass="qs-qr", lineclass=None
    )
    # Safe to mark: segno drew it; no text from records is in it.
    return Markup(svg.replace("<svg ", '<svg role="img" aria-label="QR-Code mit der Adresse dieser Seite" ', 1))
