"""Legal data for the Impressum, the privacy policy and the accessibility statement.

A public body's site must carry these pages, complete (§ 5 DDG, § 18 MStV, Art. 13
DSGVO, § 12b BGG). Their facts live in programme.yaml under ``legal`` and are checked
by the schema like every record; here they become plain, immutable objects whose
optional fields exist (as None), so templates can ask for them safely.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from .basics import Address

STATUS_LABELS = {
    "full": "vollständig vereinbar",
    "partial": "teilweise vereinbar",
    "none": "nicht vereinbar",
}


@dataclass(frozen=True)
class Publisher:
    name: str
    legal_form: str | None
    address: Address
    email: str
    phone: str
    representative: str
    register: str | None
    vat_id: str | None
    supervisory_authority: str | None


@dataclass(frozen=True)
class Privacy:
    email: str
    officer_name: str
    officer_email: str
    host_name: str
    host_address: Address | None
    log_retention_days: int
    authority_name: str
    authority_url: str
    reviewed: dt.date
    note: Markup | None


@dataclass(frozen=True)
class Limitation:
    issue: str
    reason: str | None
    alternative: str | None


@dataclass(frozen=True)
class AccessibilityStatement:
    status: str
    method: str
    prepared: dt.date
    reviewed: dt.date
    limitations: tuple[Limitation, ...]
    feedback_email: str
    feedback_phone: str | None
    answer_days: int | None
    enforcement_name: str
    enforcement_url: str
    note: Markup | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Legal:
    publisher: Publisher
    responsible_name: str
    responsible_address: Address
    note: Markup | None
    privacy: Privacy
    accessibility: AccessibilityStatement


def markdown_texts(data: dict) -> list[str]:
    """The Markdown notes of the legal section, in the order build_legal expects them."""
    return [data.get("note") or "", data["privacy"].get("note") or "", data["accessibility"].get("note") or ""]


def build_legal(data: dict, address, notes: list[Markup]) -> Legal:
    """*address* turns a record's address into an Address; *notes* are the rendered markdown_texts()."""
    pub, priv, acc = data["publisher"], data["privacy"], data["accessibility"]
    publisher = Publisher(
        name=pub["name"],
        legal_form=pub.get("legal_form"),
        address=address(pub["address"]),
        email=pub["email"],
        phone=pub["phone"],
        representative=pub["representative"],
        register=pub.get("register"),
        vat_id=pub.get("vat_id"),
        supervisory_authority=pub.get("supervisory_authority"),
    )
    responsible = data["content_responsible"]
    host = priv["host"]
    note, privacy_note, accessibility_note = (n if str(n) else None for n in notes)
    return Legal(
        publisher=publisher,
        responsible_name=responsible["name"],
        responsible_address=address(responsible["address"]) if responsible.get("address") else publisher.address,
        note=note,
        privacy=Privacy(
            email=priv["email"],
            officer_name=priv["officer"]["name"],
            officer_email=priv["officer"]["email"],
            host_name=host["name"],
            host_address=address(host["address"]) if host.get("address") else None,
            log_retention_days=host["log_retention_days"],
            authority_name=priv["supervisory_authority"]["name"],
            authority_url=priv["supervisory_authority"]["url"],
            reviewed=dt.date.fromisoformat(priv["reviewed"]),
            note=privacy_note,
        ),
        accessibility=AccessibilityStatement(
            status=acc["status"],
            method=acc["method"],
            prepared=dt.date.fromisoformat(acc["prepared"]),
            reviewed=dt.date.fromisoformat(acc["reviewed"]),
            limitations=tuple(
                Limitation(x["issue"], x.get("reason"), x.get("alternative")) for x in acc["limitations"]
            ),
            feedback_email=acc["feedback"]["email"],
            feedback_phone=acc["feedback"].get("phone"),
            answer_days=acc["feedback"].get("answer_days"),
            enforcement_name=acc["enforcement"]["name"],
            enforcement_url=acc["enforcement"]["url"],
            note=accessibility_note,
        ),
    )
