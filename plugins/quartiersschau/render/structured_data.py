"""schema.org descriptions (JSON-LD) for search engines: the programme, sites, stories.

Templates embed the result with ``|tojson`` inside ``<script type="application/ld+json">``;
that is data, not a script, so the Content-Security-Policy does not apply to it.
"""

from __future__ import annotations

from ..catalogue.catalogue import Catalogue
from ..catalogue.model import Address, Site, Story

CONTEXT = "https://schema.org"


def _address(address: Address) -> dict:
    return {
        "@type": "PostalAddress",
        "streetAddress": address.street_line,
        "postalCode": address.postcode,
        "addressLocality": address.city,
        "addressCountry": "DE",
    }


def organisation(catalogue: Catalogue, base: str) -> dict:
    p = catalogue.programme
    data = {
        "@context": CONTEXT,
        "@type": "Organization",
        "name": p.name,
        "alternateName": p.short_name,
        "description": p.summary,
        "url": f"{base}/",
        "email": p.contact_email,
    }
    if p.contact_address:
        data["address"] = _address(p.contact_address)
    if p.funders:
        data["funder"] = [{"@type": "Organization", "name": f.name} for f in p.funders]
    return data


def place(site: Site, base: str) -> dict:
    data = {
        "@context": CONTEXT,
        "@type": "Place",
        "name": site.name,
        "description": site.summary,
        "url": f"{base}/{site.url}",
        "geo": {"@type": "GeoCoordinates", "latitude": site.lat, "longitude": site.lon},
        "containedInPlace": {"@type": "AdministrativeArea", "name": site.region.label},
    }
    if site.office:
        data["address"] = _address(site.office.address)
        if site.office.phone:
            data["telephone"] = site.office.phone
    return data


def article(story: Story, catalogue: Catalogue, base: str) -> dict:
    data = {
        "@context": CONTEXT,
        "@type": "Article",
        "headline": story.title,
        "description": story.summary,
        "datePublished": story.date.isoformat(),
        "inLanguage": "de",
        "url": f"{base}/{story.url}",
        "publisher": {"@type": "Organization", "name": catalogue.programme.name},
    }
    if story.cover and story.cover.rendition:
        data["image"] = story.cover.rendition.fallback(base)
    if story.sites:
        data["about"] = [{"@type": "Place", "name": s.name, "url": f"{base}/{s.url}"} for s in story.sites]
    return data
