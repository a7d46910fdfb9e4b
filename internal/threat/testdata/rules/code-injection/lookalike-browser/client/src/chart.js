// The user's own drawing code, compiled in their browser where the chart
// is drawn: the page's script, not the server's.
export function customRenderer(code) {
  return new Function("x, ys, element", code);
}
