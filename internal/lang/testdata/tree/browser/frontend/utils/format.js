export function render(items) {
  return items.map((i) => `${i.title}`).join("\n");
}
