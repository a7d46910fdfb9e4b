export function origin() {
  if (typeof window !== "undefined") {
    return window.location.origin;
  }
  return process.env.ORIGIN;
}
