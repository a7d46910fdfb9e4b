// Passport strategies, and a Nest strategy class built on one.
import passport from "passport";
import { Strategy as MicrosoftStrategy } from "passport-microsoft";
import { PassportStrategy } from "@nestjs/passport";
import { Strategy } from "passport-twitch-new";
import { ApiClient } from "@twurple/api";
import SpotifyWebApi from "spotify-web-api-node";
import { SpotifyApi } from "@spotify/web-api-ts-sdk";
import Snoowrap from "snoowrap";
import * as patreon from "patreon";
const { Strategy: LinkedInStrategy } = require("passport-linkedin-oauth2");
const YandexStrategy = require("passport-yandex").Strategy;

passport.use(new MicrosoftStrategy({ clientID: process.env.MICROSOFT_CLIENT_ID }, verify));
passport.use(new LinkedInStrategy({ clientID: process.env.LINKEDIN_CLIENT_ID }, verify));
passport.use(new YandexStrategy({ clientID: process.env.YANDEX_CLIENT_ID }, verify));

export class TwitchStrategy extends PassportStrategy(Strategy) {}

export const clients = [new ApiClient({}), new SpotifyWebApi(), SpotifyApi.withClientCredentials("id", "secret"), new Snoowrap({}), patreon.patreon("token")];

function verify() {}
