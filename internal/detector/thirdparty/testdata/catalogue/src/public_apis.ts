// Public APIs and tiles the app or its pages request.
import L from "leaflet";

export function tiles(map: L.Map) {
  L.tileLayer("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png").addTo(map);
}
export const product = (code: string) => fetch(`https://world.openfoodfacts.org/api/v2/product/${code}.json`);
export const tiktokVideo = (u: string) => fetch(`https://www.tiktok.com/oembed?url=${u}`);
export const igMedia = () => fetch("https://graph.instagram.com/me/media");
export const gravatarProfile = (h: string) => fetch(`https://api.gravatar.com/v3/profiles/${h}`);
export const jitsuEvent = () => fetch("https://ingest.jitsu.com/api/v1/event");
export const umamiApi = () => fetch("https://api.umami.is/v1/websites");
export const vimeoApi = () => fetch("https://api.vimeo.com/me/videos");
export const gifs = (q: string) => fetch(`https://api.giphy.com/v1/gifs/search?q=${q}`);
export const tenorGifs = (q: string) => fetch(`https://tenor.googleapis.com/v2/search?q=${q}`);
export const weather = (q: string) => fetch(`https://api.openweathermap.org/data/2.5/weather?q=${q}`);
export const userlistPush = (body: string) => fetch("https://push.userlist.com/users", { method: "POST", body });
