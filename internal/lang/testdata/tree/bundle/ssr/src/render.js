// Renders a page on the server: the package serves it with express.
export function compile(code) {
  return new Function("x", code);
}
