// The toolbar's buttons: markup the app wrote, no data in it.
const CLOSE_BUTTON = '<button class="close" aria-label="Close">&times;</button>';
const HELP_ICON = `<svg viewBox="0 0 16 16"><circle cx="8" cy="8" r="7"/></svg>`;

export function mountToolbar(el) {
  el.innerHTML = CLOSE_BUTTON + HELP_ICON;
  el.querySelector(".close").addEventListener("click", () => el.remove());
}
