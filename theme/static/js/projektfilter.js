// The project filter (progressive enhancement: the form is hidden until this script runs).
// On a list of one page it filters the server-rendered cards at once; the state lives in the
// URL (?thema=…&jahr=…) so a filtered list can be shared, and results are announced in a live
// region (WCAG 4.1.3). On a list of several pages (data-mode="suche") it is a form to the
// search page, which filters all projects; only the chosen fields go into its address.
import { connectFilter, writeState } from "./filterform.js";

const form = document.querySelector('[data-module="projektfilter"]');

function filterHere() {
  const selects = [...form.querySelectorAll("select[data-key]")];
  const items = [...document.querySelectorAll("[data-project]")];
  const groups = [...document.querySelectorAll("[data-group]")];
  const status = form.querySelector("[data-status]");
  const empty = document.querySelector("[data-empty]");
  const total = items.length;

  const matches = (item, key, value) => {
    if (!value) return true;
    if (key === "themes") return item.dataset.themes.split(" ").includes(value);
    return item.dataset[key] === value;
  };

  const apply = (announce) => {
    let shown = 0;
    for (const item of items) {
      const visible = selects.every((s) => matches(item, s.dataset.key, s.value));
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    // Innermost groups first, so a year section sees whether its site groups are empty.
    for (const group of [...groups].reverse()) {
      group.hidden = !group.querySelector("[data-project]:not([hidden])");
    }
    for (const link of document.querySelectorAll("[data-year-link]")) {
      const section = document.getElementById(`jahr-${link.dataset.yearLink}`).closest("[data-group]");
      link.hidden = section.hidden;
    }
    empty.hidden = shown > 0;
    const filtered = selects.some((s) => s.value);
    if (announce || filtered) {
      // The programme's words come from the form (data-plural, data-dative-plural).
      const { plural, dativePlural } = form.dataset;
      status.textContent = filtered ? `${shown} von ${total} ${dativePlural} passen zum Filter.` : `Alle ${total} ${plural} werden gezeigt.`;
    }
    writeState(selects);
  };

  connectFilter(form, selects, apply);
}

function filterInSearch() {
  form.addEventListener("submit", () => {
    // A field left at "alle" is not sent: the search's address names only what was chosen.
    for (const select of form.querySelectorAll("select")) select.disabled = !select.value;
    // Back in the browser's history, the form is as it was left.
    setTimeout(() => {
      for (const select of form.querySelectorAll("select")) select.disabled = false;
    });
  });
  form.hidden = false;
}

if (form) {
  if (form.dataset.mode === "suche") filterInSearch();
  else filterHere();
}
