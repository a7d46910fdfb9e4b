// Where a pasted link points: compared, never requested.
export function isVideo(url: URL): boolean {
  return url.hostname === "www.youtube-nocookie.com";
}
