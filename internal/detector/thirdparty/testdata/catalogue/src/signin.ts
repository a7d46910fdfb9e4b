// Sign-in presets an Auth.js config uses, one provider per line, and the
// identity providers' own hosts.
import NextAuth from "next-auth";
import Google from "next-auth/providers/google";
import GitHubProvider from "next-auth/providers/github";
import GitLab from "next-auth/providers/gitlab";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import AzureAD from "next-auth/providers/azure-ad";
import AzureADB2C from "next-auth/providers/azure-ad-b2c";
import Facebook from "next-auth/providers/facebook";
import Instagram from "next-auth/providers/instagram";
import Twitter from "next-auth/providers/twitter";
import Apple from "next-auth/providers/apple";
import Discord from "@auth/core/providers/discord";
import Slack from "@auth/core/providers/slack";
import Okta from "@auth/core/providers/okta";
import Auth0 from "@auth/core/providers/auth0";
import Cognito from "@auth/core/providers/cognito";
import Keycloak from "@auth/core/providers/keycloak";
import WorkOS from "@auth/core/providers/workos";
import Atlassian from "@auth/core/providers/atlassian";
import Bitbucket from "@auth/core/providers/bitbucket";
import Zoom from "@auth/core/providers/zoom";
import Notion from "@auth/core/providers/notion";
import Dropbox from "@auth/core/providers/dropbox";
import Salesforce from "@auth/core/providers/salesforce";
import HubSpot from "@auth/core/providers/hubspot";
import LinkedIn from "@auth/core/providers/linkedin";
import Reddit from "@auth/core/providers/reddit";
import Spotify from "@auth/core/providers/spotify";
import Twitch from "@auth/core/providers/twitch";
import Patreon from "@auth/core/providers/patreon";
import Yandex from "@auth/core/providers/yandex";
import Resend from "@auth/core/providers/resend";
import Sendgrid from "@auth/core/providers/sendgrid";
import Postmark from "@auth/core/providers/postmark";
import Mailgun from "@auth/core/providers/mailgun";
import Nodemailer from "@auth/core/providers/nodemailer";
import Descope from "@auth/core/providers/descope";
import Kinde from "@auth/core/providers/kinde";

export const { handlers, auth } = NextAuth({
  providers: [
    Google({ clientId: process.env.AUTH_GOOGLE_ID }),
    GitHubProvider({ clientId: process.env.AUTH_GITHUB_ID }),
    GitLab, MicrosoftEntraID, AzureAD, AzureADB2C, Facebook, Instagram, Twitter, Apple,
    Discord, Slack, Okta, Auth0, Cognito, Keycloak, WorkOS, Atlassian, Bitbucket, Zoom,
    Notion, Dropbox, Salesforce, HubSpot, LinkedIn, Reddit, Spotify, Twitch, Patreon,
    Yandex, Resend, Sendgrid, Postmark, Mailgun, Nodemailer, Descope, Kinde,
  ],
});

export async function profiles(token: string) {
  const linkedin = await fetch("https://api.linkedin.com/v2/userinfo", { headers: { Authorization: `Bearer ${token}` } });
  const linkedinAuth = await fetch("https://www.linkedin.com/oauth/v2/accessToken", { method: "POST" });
  const yandex = await fetch("https://login.yandex.ru/info", { headers: { Authorization: `OAuth ${token}` } });
  const yandexToken = await fetch("https://oauth.yandex.ru/token", { method: "POST" });
  const yandexCom = await fetch("https://oauth.yandex.com/token", { method: "POST" });
  const patreon = await fetch("https://www.patreon.com/api/oauth2/v2/identity", { headers: { Authorization: `Bearer ${token}` } });
  const patreonApi = await fetch("https://api.patreon.com/oauth2/api/current_user");
  const twitch = await fetch("https://api.twitch.tv/helix/users", { headers: { Authorization: `Bearer ${token}` } });
  const twitchId = await fetch("https://id.twitch.tv/oauth2/validate");
  const spotify = await fetch("https://api.spotify.com/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  const spotifyAuth = await fetch("https://accounts.spotify.com/api/token", { method: "POST" });
  const reddit = await fetch("https://oauth.reddit.com/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  const redditToken = await fetch("https://www.reddit.com/api/v1/access_token", { method: "POST" });
  return [linkedin, linkedinAuth, yandex, yandexToken, yandexCom, patreon, patreonApi, twitch, twitchId, spotify, spotifyAuth, reddit, redditToken];
}
