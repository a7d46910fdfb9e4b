export const giteaToken = (body: URLSearchParams) => fetch("https://gitea.com/login/oauth/access_token", { method: "POST", body });
