// Lookalike: an image's src set in code (no script element is made), and
// a script element loading the app's own bundle by a relative path.
export function preload(handle: string) {
  const img = new Image();
  img.src = "https://avatars.picturevendor.io/" + handle;
  const own = document.createElement("script");
  own.src = "/assets/widgets.js";
  document.head.appendChild(own);
  return img;
}
