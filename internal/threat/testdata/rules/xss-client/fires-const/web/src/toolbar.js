// A constant opens the markup, but the title the page was given is
// pasted after it.
const CLOSE_BUTTON = '<button class="close" aria-label="Close">&times;</button>';

export function mountToolbar(el, title) {
  el.innerHTML = CLOSE_BUTTON + title;
  el.querySelector(".close").addEventListener("click", () => el.remove());
}
