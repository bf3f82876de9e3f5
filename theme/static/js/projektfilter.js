// Instant filter over the server-rendered project list (progressive enhancement).
// The form is hidden until this script runs; the state lives in the URL (?thema=…&jahr=…)
// so a filtered list can be shared. Results are announced in a live region (WCAG 4.1.3).
import { connectFilter, writeState } from "./filterform.js";

const form = document.querySelector('[data-module="projektfilter"]');

if (form) {
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
