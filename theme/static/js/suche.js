// Search with Pagefind's index (/pagefind/), entirely in the browser.
// Our own form instead of Pagefind's default UI: a real <label>, facets as <select>s,
// and results announced through a live region (WCAG 1.3.1, 4.1.2, 4.1.3).

const root = document.querySelector('[data-module="suche"]');

// Results are shown this many at a time; "Weitere Treffer zeigen" adds the next ones.
const PAGE = 30;

const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

// Pagefind's excerpt is HTML: escaped text with <mark> around the hits. It is parsed in a
// <template> (inert: nothing there loads or runs) and rebuilt from its text, so only <mark>
// survives and "&lt;" in a title shows as "<", not as "&lt;".
const safeExcerpt = (html) => {
  const parsed = document.createElement("template");
  parsed.innerHTML = html;
  return [...parsed.content.childNodes]
    .map((node) => (node.nodeName === "MARK" ? `<mark>${escapeHtml(node.textContent)}</mark>` : escapeHtml(node.textContent)))
    .join("");
};

// Under each title: the words around the hits; without a search term (only facets chosen),
// the page's summary instead, since an excerpt would only be the page's first words.
const item = (term) => (d) =>
  `<li class="qs-search__result"><h2 class="qs-search__title"><a href="${escapeHtml(d.url)}">${escapeHtml(d.meta.title || d.url)}</a></h2>` +
  `<p class="qs-card__meta">${escapeHtml(d.meta.Art || "")}</p>` +
  `<p>${!term && d.meta.summary ? escapeHtml(d.meta.summary) : safeExcerpt(d.excerpt || "")}</p></li>`;

function start() {
  const base = document.documentElement.dataset.qsBase || "";
  const form = root.querySelector("form");
  const input = form.querySelector('input[name="q"]');
  const selects = [...form.querySelectorAll("select[data-filter]")];
  const status = root.querySelector("[data-status]");
  const results = root.querySelector("[data-results]");
  const more = root.querySelector("[data-more]");
  let current = null; // the last search shown: its results, its term, how many are on the page
  const params = new URLSearchParams(location.search);
  root.querySelector("[data-nojs]").hidden = true;
  form.hidden = false;
  input.value = params.get("q") || "";

  // The search engine (about 85 KB) loads on first use, not with the page.
  let loading;
  let timer;
  const load = () => {
    loading ??= (async () => {
      const pagefind = await import(`${base}/pagefind/pagefind.js`);
      // termSimilarity above its default 1: "Aktionsfonds" ranks the word itself above "Aktionsfondsjury".
      await pagefind.options({ baseUrl: `${base}/`, ranking: { termSimilarity: 3 } });
      // A large site's index comes in parts (pagefind/teile.json lists them): search them all as one.
      const parts = await fetch(`${base}/pagefind/teile.json`)
        .then((response) => (response.ok ? response.json() : []))
        .catch(() => []);
      for (const part of parts) await pagefind.mergeIndex(`${base}/pagefind/${part}/`);
      await pagefind.init();
      const available = await pagefind.filters();
      for (const select of selects) {
        const values = Object.keys(available[select.dataset.filter] || {}).sort((a, b) => a.localeCompare(b, "de"));
        for (const value of values) select.add(new Option(value, value));
        const wanted = params.get(select.name);
        if (wanted && values.includes(wanted)) select.value = wanted;
      }
      return pagefind;
    })();
    return loading.catch(() => {
      status.textContent = "Die Suche konnte nicht geladen werden. Bitte nutzen Sie die Listen im Hauptmenü.";
      return null;
    });
  };

  // Every run takes a ticket before its first await; only the newest one may write results.
  // While it runs, the list is aria-busy, so assistive technology (and tests) wait for the end.
  let latest = 0;
  async function run() {
    clearTimeout(timer);
    const ticket = ++latest;
    results.setAttribute("aria-busy", "true");
    try {
      await show(ticket);
    } finally {
      if (ticket === latest) results.setAttribute("aria-busy", "false");
    }
  }

  async function show(ticket) {
    const pagefind = await load();
    if (!pagefind || ticket !== latest) return; // not loaded (already said), or a newer search has started
    const term = input.value.trim();
    const filters = {};
    for (const select of selects) if (select.value) filters[select.dataset.filter] = select.value;
    const query = new URLSearchParams();
    if (term) query.set("q", term);
    for (const select of selects) if (select.value) query.set(select.name, select.value);
    history.replaceState(null, "", query.toString() ? `?${query}` : location.pathname);
    if (!term && !Object.keys(filters).length) {
      results.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    let search;
    let data;
    try {
      search = await pagefind.search(term || null, { filters });
      data = await Promise.all(search.results.slice(0, PAGE).map((r) => r.data()));
    } catch {
      data = null;
    }
    if (ticket !== latest) return; // a newer search has started
    if (data && term) {
      // A page whose title is exactly what was typed ("Mitmachen") comes first; otherwise Pagefind's order.
      const wanted = term.toLocaleLowerCase("de");
      const exact = (d) => ((d.meta.title || "").trim().toLocaleLowerCase("de") === wanted ? 1 : 0);
      data.sort((a, b) => exact(b) - exact(a));
    }
    if (!data) {
      results.replaceChildren();
      more.hidden = true;
      status.textContent = "Die Suche ist fehlgeschlagen. Bitte versuchen Sie es noch einmal oder nutzen Sie die Listen.";
      return;
    }
    results.innerHTML = data.map(item(term)).join("");
    current = { search, term, shown: data.length };
    announce();
  }

  // The next PAGE results below the others; the first new one gets the focus (WCAG 2.4.3).
  async function showMore() {
    const { search, shown } = current;
    const ticket = latest;
    let data;
    try {
      data = await Promise.all(search.results.slice(shown, shown + PAGE).map((r) => r.data()));
    } catch {
      status.textContent = "Weitere Treffer konnten nicht geladen werden. Bitte versuchen Sie es noch einmal.";
      return;
    }
    if (ticket !== latest || current.search !== search) return; // a newer search has started
    results.insertAdjacentHTML("beforeend", data.map(item(current.term)).join(""));
    current.shown += data.length;
    results.children[shown]?.querySelector("a")?.focus();
    announce();
  }

  function announce() {
    const n = current.search.results.length;
    const what = current.term ? ` für „${current.term}“` : "";
    const part = n > current.shown ? `, die ersten ${current.shown} werden gezeigt` : "";
    status.textContent = n === 0 ? `Keine Treffer${what}.` : `${n} Treffer${what}${part}.`;
    more.hidden = n <= current.shown;
  }

  form.addEventListener("focusin", load, { once: true });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  for (const select of selects) select.addEventListener("change", run);
  more.addEventListener("click", showMore);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  if ([...params.keys()].length) run();
}

if (root) start();
