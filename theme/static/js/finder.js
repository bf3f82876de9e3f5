// The site finder: as one types, only the entries whose name, city, quarter, region or office
// address (street, postcode) hold every word stay visible; letters without entries hide.
// Accents and ß do not matter ("Suederwisch" finds "Süderwisch"). The words start from the
// URL (?suche=…, so the start page's form lands here filtered) and go back into it.

const form = document.querySelector('[data-module="finder"]');

const plain = (text) =>
  text
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "");

// "Süderwisch" may be typed as "suderwisch" or "suederwisch": compare both spellings.
const variants = (text) => [plain(text), plain(text.normalize("NFD").replace(/\p{Diacritic}/gu, ""))];

if (form) {
  const field = form.querySelector("input");
  const status = form.querySelector("[data-status]");
  const items = [...document.querySelectorAll("[data-finder-item]")].map((item) => ({
    item,
    texts: variants(item.dataset.search),
  }));
  const groups = [...document.querySelectorAll("[data-letter-group]")];
  const empty = document.querySelector(".qs-finder__empty");
  const { plural, dativePlural, singular } = form.dataset;

  const apply = () => {
    const words = plain(field.value).split(/[\s,]+/).filter(Boolean);
    let shown = 0;
    for (const { item, texts } of items) {
      const visible = texts.some((text) => words.every((word) => text.includes(word)));
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    for (const group of groups) group.hidden = !group.querySelector("[data-finder-item]:not([hidden])");
    for (const link of document.querySelectorAll("[data-letter-link]")) {
      const group = document.getElementById(`buchstabe-${link.dataset.letterLink.toLowerCase()}`);
      link.hidden = group.closest("[data-letter-group]").hidden;
    }
    empty.hidden = shown > 0;
    // While words filter the list, the letters would only repeat what is shown.
    document.querySelector("[data-letter-index]").hidden = words.length > 0;
    if (!words.length) status.textContent = `Alle ${items.length} ${plural} werden gezeigt.`;
    else if (shown === 1) status.textContent = `1 ${singular} gefunden.`;
    else status.textContent = `${shown} von ${items.length} ${dativePlural} gefunden.`;
    const params = new URLSearchParams(location.search);
    if (field.value.trim()) params.set("suche", field.value.trim());
    else params.delete("suche");
    const query = params.toString();
    history.replaceState(null, "", `${query ? `?${query}` : location.pathname}${location.hash}`);
  };

  field.value = new URLSearchParams(location.search).get("suche") || "";
  field.addEventListener("input", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  apply();
}
