// On a phone the main menu takes four lines of the first screen. With JavaScript it folds
// behind a "Menü" button (a disclosure: aria-expanded, WCAG 4.1.2); search and Leichte
// Sprache stay in view. Without JavaScript, or on a wide screen, every link is shown.

const nav = document.querySelector(".qs-nav");
const list = nav?.querySelector(".qs-nav__list");

if (nav && list) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "qs-nav__toggle";
  button.textContent = "Menü";
  button.setAttribute("aria-controls", list.id);
  button.setAttribute("aria-expanded", "false");
  const open = (state) => {
    button.setAttribute("aria-expanded", String(state));
    nav.toggleAttribute("data-open", state);
  };
  button.addEventListener("click", () => open(button.getAttribute("aria-expanded") !== "true"));
  nav.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && nav.hasAttribute("data-open")) {
      open(false);
      button.focus();
    }
  });
  nav.prepend(button);
  nav.dataset.menu = "";
}
