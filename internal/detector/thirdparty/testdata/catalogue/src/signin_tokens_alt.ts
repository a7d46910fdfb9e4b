// Yandex's token endpoint on its international domain.
export async function yandexToken(body: URLSearchParams) {
  return fetch("https://oauth.yandex.com/token", { method: "POST", body });
}
