// Outbound calls to each provider's HTTP API.

export async function callOpenai0(body: unknown) {
  const res = await fetch("https://api.openai.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callGoogleVertex3(body: unknown) {
  const res = await fetch("https://aiplatform.googleapis.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callMistral6(body: unknown) {
  const res = await fetch("https://api.mistral.ai/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callHuggingface9(body: unknown) {
  const res = await fetch("https://router.huggingface.co/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callPaddle12(body: unknown) {
  const res = await fetch("https://sandbox-api.paddle.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callPaypal15(body: unknown) {
  const res = await fetch("https://api-m.sandbox.paypal.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callCloudflareR218(body: unknown) {
  const res = await fetch("https://acme.r2.cloudflarestorage.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callMailgun21(body: unknown) {
  const res = await fetch("https://api.mailgun.net/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callResend24(body: unknown) {
  const res = await fetch("https://api.resend.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callSlack27(body: unknown) {
  const res = await fetch("https://acme.slack.com/api/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callAzureOpenai30(body: unknown) {
  const res = await fetch("https://acme.openai.azure.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callOpenrouter33(body: unknown) {
  const res = await fetch("https://acme.openrouter.ai/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callPerplexity36(body: unknown) {
  const res = await fetch("https://api.perplexity.ai/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callFireworks39(body: unknown) {
  const res = await fetch("https://api.fireworks.ai/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callVoyage42(body: unknown) {
  const res = await fetch("https://api.voyageai.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callAssemblyai45(body: unknown) {
  const res = await fetch("https://api.assemblyai.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callLangfuse48(body: unknown) {
  const res = await fetch("https://cloud.langfuse.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callPinecone51(body: unknown) {
  const res = await fetch("https://acme.pinecone.io/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callQdrant54(body: unknown) {
  const res = await fetch("https://cloud.qdrant.io/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callSquare57(body: unknown) {
  const res = await fetch("https://connect.squareup.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callAdyen60(body: unknown) {
  const res = await fetch("https://acme.adyenpayments.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callChargebee63(body: unknown) {
  const res = await fetch("https://acme.chargebee.com/api/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callPlaid66(body: unknown) {
  const res = await fetch("https://sandbox.plaid.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callPolar69(body: unknown) {
  const res = await fetch("https://api.polar.sh/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callMailjet72(body: unknown) {
  const res = await fetch("https://api.mailjet.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callBrevo75(body: unknown) {
  const res = await fetch("https://api.sendinblue.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callCustomerio78(body: unknown) {
  const res = await fetch("https://api.customer.io/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callVonage81(body: unknown) {
  const res = await fetch("https://api.nexmo.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callPlivo84(body: unknown) {
  const res = await fetch("https://api.plivo.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callOnesignal87(body: unknown) {
  const res = await fetch("https://api.onesignal.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callNtfy90(body: unknown) {
  const res = await fetch("https://acme.ntfy.sh/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callAbly93(body: unknown) {
  const res = await fetch("https://rest.ably.io/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callMicrosoftTeams96(body: unknown) {
  const res = await fetch("https://outlook.office.com/webhook/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callMatrix99(body: unknown) {
  const res = await fetch("https://acme.matrix.org/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callZendesk102(body: unknown) {
  const res = await fetch("https://acme.zendesk.com/api/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callWorkos105(body: unknown) {
  const res = await fetch("https://api.workos.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callKinde108(body: unknown) {
  const res = await fetch("https://acme.kinde.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callAwsCognito111(body: unknown) {
  const res = await fetch("https://cognito-idp.amazonaws.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callGoogleOauth114(body: unknown) {
  const res = await fetch("https://accounts.google.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callGithub117(body: unknown) {
  const res = await fetch("https://api.github.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callGitlab120(body: unknown) {
  const res = await fetch("https://acme.gitlab.com/oauth/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callDigitaloceanSpaces123(body: unknown) {
  const res = await fetch("https://acme.digitaloceanspaces.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callUploadthing126(body: unknown) {
  const res = await fetch("https://acme.uploadthing.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callImagekit129(body: unknown) {
  const res = await fetch("https://upload.imagekit.io/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callDropbox132(body: unknown) {
  const res = await fetch("https://content.dropboxapi.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callGoogleAnalytics135(body: unknown) {
  const res = await fetch("https://www.google-analytics.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callMixpanel138(body: unknown) {
  const res = await fetch("https://api.mixpanel.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callAmplitude141(body: unknown) {
  const res = await fetch("https://api.amplitude.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callHotjar144(body: unknown) {
  const res = await fetch("https://static.hotjar.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callFullstory147(body: unknown) {
  const res = await fetch("https://api.fullstory.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callLogrocket150(body: unknown) {
  const res = await fetch("https://r.lr-ingest.io/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callNewrelic153(body: unknown) {
  const res = await fetch("https://api.newrelic.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callBugsnag156(body: unknown) {
  const res = await fetch("https://notify.bugsnag.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callBetterstack159(body: unknown) {
  const res = await fetch("https://in.logtail.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callHighlight162(body: unknown) {
  const res = await fetch("https://otel.highlight.io/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callAppsignal165(body: unknown) {
  const res = await fetch("https://push.appsignal.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callGoogleMaps168(body: unknown) {
  const res = await fetch("https://places.googleapis.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callMaxmind171(body: unknown) {
  const res = await fetch("https://geoip.maxmind.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callOpencage174(body: unknown) {
  const res = await fetch("https://api.opencagedata.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callAlgolia177(body: unknown) {
  const res = await fetch("https://acme.algolia.net/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callElasticsearch180(body: unknown) {
  const res = await fetch("https://acme.elastic-cloud.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callUpstash183(body: unknown) {
  const res = await fetch("https://acme.upstash.io/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callTriggerDev186(body: unknown) {
  const res = await fetch("https://api.trigger.dev/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callAzureServiceBus189(body: unknown) {
  const res = await fetch("https://acme.servicebus.windows.net/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callLibsql192(body: unknown) {
  const res = await fetch("https://acme.turso.io/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callEthereum195(body: unknown) {
  const res = await fetch("https://rpc.ankr.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callInfura198(body: unknown) {
  const res = await fetch("https://acme.infura.io/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callSolana201(body: unknown) {
  const res = await fetch("https://api.mainnet-beta.solana.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callCloudflare204(body: unknown) {
  const res = await fetch("https://api.cloudflare.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callRecaptcha207(body: unknown) {
  const res = await fetch("https://recaptchaenterprise.googleapis.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callDigitalocean210(body: unknown) {
  const res = await fetch("https://api.digitalocean.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callHubspot213(body: unknown) {
  const res = await fetch("https://api.hubapi.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callShopify216(body: unknown) {
  const res = await fetch("https://acme.myshopify.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callSanity219(body: unknown) {
  const res = await fetch("https://api.sanity.io/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callZoom222(body: unknown) {
  const res = await fetch("https://acme.zoom.us/oauth/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callLinear225(body: unknown) {
  const res = await fetch("https://api.linear.app/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callFigma228(body: unknown) {
  const res = await fetch("https://api.figma.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callLaunchdarkly231(body: unknown) {
  const res = await fetch("https://events.launchdarkly.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callRaindrop234(body: unknown) {
  const res = await fetch("https://api.raindrop.io/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callYoutube237(body: unknown) {
  const res = await fetch("https://www.googleapis.com/youtube/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callTwitter240(body: unknown) {
  const res = await fetch("https://api.x.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callAppleStore300(body: unknown) {
  const res = await fetch("https://api.storekit.itunes.apple.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}


export async function callBraintrust302(body: unknown) {
  const res = await fetch("https://api.braintrust.dev/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callCrisp303(body: unknown) {
  const res = await fetch("https://api.crisp.chat/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}


export async function callDub305(body: unknown) {
  const res = await fetch("https://api.dub.co/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callMux306(body: unknown) {
  const res = await fetch("https://api.mux.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}


export async function callOpsgenie308(body: unknown) {
  const res = await fetch("https://api.opsgenie.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}


export async function callTrello310(body: unknown) {
  const res = await fetch("https://api.trello.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callPushbullet311(body: unknown) {
  const res = await fetch("https://api.pushbullet.com/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callTinybird312(body: unknown) {
  const res = await fetch("https://api.tinybird.co/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}



export async function callAIGateway315(body: unknown) {
  const res = await fetch("https://ai-gateway.vercel.sh/v1/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function callXero(body: unknown) {
  return fetch("https://api.xero.com/api.xro/2.0/Invoices", { method: "POST", body: JSON.stringify(body) });
}

export async function callQuickBooks(body: unknown) {
  return fetch("https://quickbooks.api.intuit.com/v3/company/1/query", { method: "POST", body: JSON.stringify(body) });
}

export async function callGoCardless(body: unknown) {
  return fetch("https://bankaccountdata.gocardless.com/api/v2/institutions/", { method: "POST", body: JSON.stringify(body) });
}

export async function callSendblue(body: unknown) {
  return fetch("https://api.sendblue.co/api/send-message", { method: "POST", body: JSON.stringify(body) });
}

export async function callFMP(body: unknown) {
  return fetch("https://financialmodelingprep.com/stable/quote", { method: "POST", body: JSON.stringify(body) });
}

export async function asanaTasks(project: string, token: string) {
  const res = await fetch(`https://app.asana.com/api/1.0/projects/${project}/tasks`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return res.json();
}

export async function eidEasyToken(body: unknown) {
  const res = await fetch("https://id.eideasy.com/api/v2/identity/start", {
    method: "POST",
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function chatwootContact(body: unknown) {
  const res = await fetch("https://app.chatwoot.com/public/api/v1/inboxes/contacts", {
    method: "POST",
    body: JSON.stringify(body),
  });
  return res.json();
}
