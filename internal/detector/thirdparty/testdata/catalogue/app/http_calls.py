"""Outbound calls to each provider's HTTP API."""

import requests


def call_anthropic_1(payload):
    resp = requests.post("https://api.anthropic.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_cohere_4(payload):
    resp = requests.post("https://api.cohere.ai/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_replicate_7(payload):
    resp = requests.post("https://api.replicate.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_stripe_10(payload):
    resp = requests.post("https://api.stripe.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_lemonsqueezy_13(payload):
    resp = requests.post("https://api.lemonsqueezy.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_paypal_16(payload):
    resp = requests.post("https://api.paypal.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_twilio_19(payload):
    resp = requests.post("https://api.twilio.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_mailgun_22(payload):
    resp = requests.post("https://api.eu.mailgun.net/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_supabase_25(payload):
    resp = requests.post("https://acme.supabase.co/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_discord_28(payload):
    resp = requests.post("https://acme.discord.com/api/webhooks/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_azure_openai_31(payload):
    resp = requests.post("https://acme.cognitiveservices.azure.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_together_34(payload):
    resp = requests.post("https://api.together.xyz/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_deepseek_37(payload):
    resp = requests.post("https://api.deepseek.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_cerebras_40(payload):
    resp = requests.post("https://api.cerebras.ai/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_elevenlabs_43(payload):
    resp = requests.post("https://api.elevenlabs.io/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_stability_46(payload):
    resp = requests.post("https://api.stability.ai/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_langfuse_49(payload):
    resp = requests.post("https://us.cloud.langfuse.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_weaviate_52(payload):
    resp = requests.post("https://acme.weaviate.network/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_braintree_55(payload):
    resp = requests.post("https://api.braintreegateway.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_square_58(payload):
    resp = requests.post("https://connect.squareupsandbox.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_razorpay_61(payload):
    resp = requests.post("https://api.razorpay.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_recurly_64(payload):
    resp = requests.post("https://v3.recurly.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_coinbase_commerce_67(payload):
    resp = requests.post("https://api.commerce.coinbase.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_mailchimp_70(payload):
    resp = requests.post("https://api.mailchimp.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_sparkpost_73(payload):
    resp = requests.post("https://api.sparkpost.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_loops_76(payload):
    resp = requests.post("https://app.loops.so/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_mailersend_79(payload):
    resp = requests.post("https://api.mailersend.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_vonage_82(payload):
    resp = requests.post("https://api.vonage.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_telnyx_85(payload):
    resp = requests.post("https://api.telnyx.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_expo_push_88(payload):
    resp = requests.post("https://acme.exp.host/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_pusher_91(payload):
    resp = requests.post("https://acme.pusherapp.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_ably_94(payload):
    resp = requests.post("https://realtime.ably.io/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_microsoft_teams_97(payload):
    resp = requests.post("https://acme.botframework.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_intercom_100(payload):
    resp = requests.post("https://api.intercom.io/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_okta_103(payload):
    resp = requests.post("https://acme.okta.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_stytch_106(payload):
    resp = requests.post("https://api.stytch.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_descope_109(payload):
    resp = requests.post("https://api.descope.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_microsoft_entra_112(payload):
    resp = requests.post("https://login.microsoftonline.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_google_oauth_115(payload):
    resp = requests.post("https://oauth2.googleapis.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_github_118(payload):
    resp = requests.post("https://acme.github.com/login/oauth/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_magic_121(payload):
    resp = requests.post("https://api.magic.link/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_cloudinary_124(payload):
    resp = requests.post("https://api.cloudinary.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_uploadthing_127(payload):
    resp = requests.post("https://acme.utfs.io/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_imagekit_130(payload):
    resp = requests.post("https://ik.imagekit.io/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_google_drive_133(payload):
    resp = requests.post("https://www.googleapis.com/drive/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_google_analytics_136(payload):
    resp = requests.post("https://www.googletagmanager.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_mixpanel_139(payload):
    resp = requests.post("https://api-js.mixpanel.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_plausible_142(payload):
    resp = requests.post("https://acme.plausible.io/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_hotjar_145(payload):
    resp = requests.post("https://script.hotjar.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_rudderstack_148(payload):
    resp = requests.post("https://dataplane.rudderstack.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_newrelic_151(payload):
    resp = requests.post("https://collector.newrelic.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_honeycomb_154(payload):
    resp = requests.post("https://api.honeycomb.io/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_bugsnag_157(payload):
    resp = requests.post("https://sessions.bugsnag.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_axiom_160(payload):
    resp = requests.post("https://api.axiom.co/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_pagerduty_163(payload):
    resp = requests.post("https://events.pagerduty.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_grafana_cloud_166(payload):
    resp = requests.post("https://acme.grafana.net/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_mapbox_169(payload):
    resp = requests.post("https://api.mapbox.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_maxmind_172(payload):
    resp = requests.post("https://acme.geolite.info/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_here_175(payload):
    resp = requests.post("https://geocode.search.hereapi.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_algolia_178(payload):
    resp = requests.post("https://acme.algolianet.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_meilisearch_181(payload):
    resp = requests.post("https://acme.meilisearch.io/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_inngest_184(payload):
    resp = requests.post("https://acme.inn.gs/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_google_pubsub_187(payload):
    resp = requests.post("https://pubsub.googleapis.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_azure_cosmos_190(payload):
    resp = requests.post("https://acme.documents.azure.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_convex_193(payload):
    resp = requests.post("https://acme.convex.cloud/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_alchemy_196(payload):
    resp = requests.post("https://acme.g.alchemy.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_etherscan_199(payload):
    resp = requests.post("https://api.etherscan.io/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_solana_202(payload):
    resp = requests.post("https://api.devnet.solana.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_cloudflare_turnstile_205(payload):
    resp = requests.post("https://challenges.cloudflare.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_hcaptcha_208(payload):
    resp = requests.post("https://acme.hcaptcha.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_notion_211(payload):
    resp = requests.post("https://api.notion.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_salesforce_214(payload):
    resp = requests.post("https://login.salesforce.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_contentful_217(payload):
    resp = requests.post("https://cdn.contentful.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_sanity_220(payload):
    resp = requests.post("https://apicdn.sanity.io/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_docusign_223(payload):
    resp = requests.post("https://acme.docusign.net/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_atlassian_226(payload):
    resp = requests.post("https://acme.atlassian.net/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_unsplash_229(payload):
    resp = requests.post("https://api.unsplash.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_pocket_232(payload):
    resp = requests.post("https://acme.getpocket.com/v3/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_instapaper_235(payload):
    resp = requests.post("https://www.instapaper.com/api/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_youtube_238(payload):
    resp = requests.post("https://youtube.googleapis.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_meta_graph_241(payload):
    resp = requests.post("https://graph.facebook.com/v1/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_azure_queue_storage(payload):
    resp = requests.post("https://acme.queue.core.windows.net/jobs/messages", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_google_cloud_tasks(payload):
    resp = requests.post("https://cloudtasks.googleapis.com/v2/", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_deepinfra(payload):
    resp = requests.post("https://api.deepinfra.com/v1/openai/chat/completions", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_exa(payload):
    resp = requests.post("https://api.exa.ai/search", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_firecrawl(payload):
    resp = requests.post("https://api.firecrawl.dev/v1/scrape", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_serper(payload):
    resp = requests.post("https://google.serper.dev/search", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_custom_search(payload):
    resp = requests.post("https://customsearch.googleapis.com/customsearch/v1", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_olostep(payload):
    resp = requests.post("https://agent.olostep.com/olostep-p2p-incomingAPI", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_e2b(payload):
    resp = requests.post("https://api.e2b.dev/sandboxes", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_mailchannels(payload):
    resp = requests.post("https://api.mailchannels.net/tx/v1/send", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_plain(payload):
    resp = requests.post("https://core-api.uk.plain.com/graphql/v1", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_kms(payload):
    resp = requests.post("https://cloudkms.googleapis.com/v1/projects", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_secret_manager(payload):
    resp = requests.post("https://secretmanager.googleapis.com/v1/projects", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_apple_sign_in(payload):
    resp = requests.post("https://appleid.apple.com/auth/token", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def call_azure_event_grid(payload):
    resp = requests.post("https://orders.westeurope-1.eventgrid.azure.net/api/events", json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()
