// Catalogue entries of the eleventh round: font and icon CDNs a page
// loads, a weather API and a translation platform the server calls, the
// Bluesky and Mailcoach APIs, Laravel Nightwatch's ingest.
import webfontloader from "webfontloader";

export function loadFonts(families: string[]) {
  webfontloader.load({ google: { families } });
}

export const Fonts = () => <link rel="stylesheet" href="https://fonts.bunny.net/css?family=inter:400" />;
export const BrandIcon = ({ slug }: { slug: string }) => <img src={`https://cdn.simpleicons.org/${slug}`} alt={slug} />;

export const weather = (lat: number, lon: number, key: string) =>
  fetch(`https://weather.visualcrossing.com/VisualCrossingWebServices/rest/services/timeline/${lat},${lon}?key=${key}`);
export const translations = (project: string) => fetch(`https://api.crowdin.com/api/v2/projects/${project}/languages/progress`);
export const blueskySession = (body: string) => fetch("https://bsky.social/xrpc/com.atproto.server.createSession", { method: "POST", body });
export const mailcoachSend = (team: string, body: string) => fetch(`https://${team}.mailcoach.app/api/transactional-mails/send`, { method: "POST", body });
export const nightwatchIngest = (body: string) => fetch("https://nightwatch.laravel.com/api/ingest", { method: "POST", body });
