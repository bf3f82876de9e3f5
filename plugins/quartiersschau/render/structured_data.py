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


def event(item, catalogue: Catalogue, base: str) -> dict:
    """schema.org Event of a date: its next time (or its only one), place and organiser."""
    occurrence = item.next
    start = occurrence.start if occurrence else item.start
    end = occurrence.end if occurrence else item.end
    place = item.place or (occurrence.place if occurrence else None)
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": item.title,
        "description": item.summary,
        "startDate": start.isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "inLanguage": "de",
        "url": f"{base}/{item.url}",
        "organizer": {"@type": "Organization", "name": catalogue.programme.name, "url": f"{base}/"},
    }
    if end is not None:
        data["endDate"] = end.isoformat()
    if place is not None:
        location = {"@type": "Place", "name": place.name}
        if place.address:
            location["address"] = _address(place.address)
        data["location"] = location
    if item.cost:
        data["isAccessibleForFree"] = item.cost.strip().lower() in ("kostenlos", "frei", "eintritt frei")
    return data
