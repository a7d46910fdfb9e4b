// Token endpoints of the identity providers, called to finish a sign-in.
export async function linkedinToken(body: URLSearchParams) {
  return fetch("https://www.linkedin.com/oauth/v2/accessToken", { method: "POST", body });
}
export async function yandexInfo(token: string) {
  return fetch("https://login.yandex.ru/info", { headers: { Authorization: `OAuth ${token}` } });
}
export async function patreonUser() {
  return fetch("https://api.patreon.com/oauth2/api/current_user");
}
export async function twitchValidate() {
  return fetch("https://id.twitch.tv/oauth2/validate");
}
export async function spotifyToken(body: URLSearchParams) {
  return fetch("https://accounts.spotify.com/api/token", { method: "POST", body });
}
export async function redditToken(body: URLSearchParams) {
  return fetch("https://www.reddit.com/api/v1/access_token", { method: "POST", body });
}
