// What the list filters (projektfilter.js, terminfilter.js) share: the selects start from the URL
// (?thema=…&jahr=…), every change is applied at once, and the state goes back into the URL, so a
// filtered list can be shared.

export function writeState(selects) {
  const params = new URLSearchParams();
  for (const s of selects) if (s.value) params.set(s.name, s.value);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

export function connectFilter(form, selects, apply) {
  const fromUrl = new URLSearchParams(location.search);
  for (const s of selects) {
    const wanted = fromUrl.get(s.name);
    if (wanted && [...s.options].some((o) => o.value === wanted)) s.value = wanted;
    s.addEventListener("change", () => apply(true));
  }
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => apply(true)));
  form.hidden = false;
  apply(false);
}
