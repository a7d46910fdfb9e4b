// A chat proxy: the host is the operator's setting, the key NestJS's
// ConfigService reads says whose API it is. A namespace read
// (get("mistral")) names no variable and no vendor.
import * as https from "https";
import { Injectable } from "@nestjs/common";
import { ConfigService } from "@nestjs/config";

@Injectable()
export class ChatProxy {
  constructor(private readonly configService: ConfigService) {}

  forward(body: unknown, presented: string) {
    const endpoint = this.configService.get<string>("CHAT_PROXY_ENDPOINT");
    const key = this.configService.get<string>("OPENAI_API_KEY"); // want: third-party openai
    const limits = this.configService.get<{ key: string }>("mistral");
    if (presented !== limits?.key) {
      throw new Error("forbidden");
    }
    const req = https.request({
      hostname: endpoint,
      path: "/v1/chat/completions",
      method: "POST",
      headers: { Authorization: `Bearer ${key}` },
    });
    req.end(JSON.stringify(body));
  }
}
