// A page may be read days after its build: hide dates that have passed since, and mark calls
// whose deadline is over as closed. The dates are in the HTML (data-ends, data-deadline), so
// without JavaScript the page shows the state of its build date ("Stand: …").

const now = Date.now();

for (const item of document.querySelectorAll("[data-date][data-ends]")) {
  if (Date.parse(item.dataset.ends) <= now) {
    item.dataset.past = "true";
    item.hidden = true;
  }
}

// A deadline is the whole day in Berlin: the call closes when that day is over there.
const endOfDay = (day) => Date.parse(`${day}T23:59:59+01:00`);
for (const call of document.querySelectorAll("[data-call][data-deadline]")) {
  const label = call.querySelector("[data-status-label]");
  if (endOfDay(call.dataset.deadline) < now) {
    call.dataset.closed = "true";
    if (label) label.textContent = "beendet";
  } else if (call.dataset.opens && Date.parse(`${call.dataset.opens}T00:00:00+01:00`) <= now && label) {
    label.textContent = "offen";
  }
}

// Lists whose every date has passed say so instead of staying empty.
for (const list of document.querySelectorAll(".qs-dates")) {
  if (![...list.children].some((item) => !item.hidden)) {
    const note = document.createElement("p");
    note.textContent = "Die Termine hier sind vorbei. Neue stehen unter „Termine“.";
    list.after(note);
  }
}

// "Heute geöffnet": the build wrote it for its own day. On another day (in Berlin) the rows'
// weekdays say which apply; where the build did not understand the rows, say nothing.
const berlinDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(now);
const isoWeekday = new Date(`${berlinDay}T12:00:00Z`).getUTCDay() || 7;
for (const line of document.querySelectorAll("[data-opening-today]")) {
  if (line.dataset.built === berlinDay) continue;
  const rows = line.parentElement.querySelector("[data-opening-rows]");
  const today = rows
    ? [...rows.querySelectorAll("[data-weekdays]")].filter((row) =>
        row.dataset.weekdays.split(" ").includes(String(isoWeekday)),
      )
    : [];
  const hours = today.map((row) => row.querySelector("dd").textContent.trim());
  line.hidden = !hours.length || !hours.every((text) => /\d/.test(text));
  if (!line.hidden) line.querySelector("[data-opening-hours]").textContent = hours.join(", ");
}
