// Links the user may follow, and hosts the code only compares against:
// nothing is sent to these services.
const SIGN_IN_HOSTS = ["accounts.google.com", "login.microsoftonline.com"];

export function isSignIn(url: URL) {
  if (url.host === "youtube-nocookie.com") return true;
  return SIGN_IN_HOSTS.includes(url.host);
}

export function Footer({ lat, lng }: { lat: number; lng: number }) {
  const maps = `https://www.google.com/maps?q=${lat},${lng}`;
  return (
    <footer>
      <a href="https://www.youtube.com/embed/abc">our video</a>
      <a href={`https://cdn.jsdelivr.net/npm/${lat}`}>source</a>
      <button onClick={() => window.open(maps, "_blank")}>map</button>
    </footer>
  );
}

// A shared document's address is a page the reader opens, not a viewer
// handed the product's file.
export const handbook = "https://docs.google.com/document/d/1AbCdEf/edit";
