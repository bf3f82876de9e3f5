// Instant filter over the server-rendered list of dates (progressive enhancement): by site
// and kind. The state lives in the URL (?ort=…&art=…); the result is announced (WCAG 4.1.3).
import { connectFilter, writeState } from "./filterform.js";

const form = document.querySelector('[data-module="terminfilter"]');

if (form) {
  const selects = [...form.querySelectorAll("select[data-key]")];
  const items = [...document.querySelectorAll("[data-date]")];
  const groups = [...document.querySelectorAll("[data-group]")];
  const status = form.querySelector("[data-status]");
  const empty = document.querySelector("[data-empty]");

  const matches = (item, key, value) => {
    if (!value) return true;
    if (key === "sites") return item.dataset.sites.split(" ").includes(value);
    return item.dataset[key] === value;
  };

  const apply = (announce) => {
    let shown = 0;
    for (const item of items) {
      // A date the clock script hid (it has passed) stays hidden.
      const visible = !item.dataset.past && selects.every((s) => matches(item, s.dataset.key, s.value));
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    for (const group of groups) group.hidden = !group.querySelector("[data-date]:not([hidden])");
    empty.hidden = shown > 0;
    const filtered = selects.some((s) => s.value);
    if (announce || filtered) status.textContent = `${shown} ${shown === 1 ? "Termin" : "Termine"}.`;
    writeState(selects);
  };

  connectFilter(form, selects, apply);
}
