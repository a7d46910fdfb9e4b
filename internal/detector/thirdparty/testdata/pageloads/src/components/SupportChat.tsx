import { useEffect } from "react";
import { setting } from "../settings";

// The support chat's snippet: a script element the code adds to the page,
// its src built on the vendor's host unless a setting names another.
export function SupportChat() {
  const chatBase = setting("CHAT_BASE_URL") || "https://app.chatdeskvendor.io";
  useEffect(() => {
    const script = document.createElement("script");
    script.src = `${chatBase}/packs/js/sdk.js`;
    script.async = true;
    document.body.appendChild(script);
  }, []);
  return null;
}
