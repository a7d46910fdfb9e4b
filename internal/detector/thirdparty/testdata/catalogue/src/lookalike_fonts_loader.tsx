// Lookalikes: webfontloader loading only the app's own stylesheet, a
// profile link on Bluesky, and the weather provider named in a setting.
import WebFont from "webfontloader";

export function loadOwnFonts() {
  WebFont.load({ custom: { families: ["Inter"], urls: ["/static/fonts.css"] } });
}

export const Profile = ({ handle }: { handle: string }) => <a href={`https://bsky.app/profile/${handle}`}>{handle}</a>;
export const provider = process.env.WEATHER_API_PROVIDER === "visualcrossing";
export const Handle = () => <input name="bluesky" placeholder="johndoe.bsky.social" title="api.crowdin.com" />;
