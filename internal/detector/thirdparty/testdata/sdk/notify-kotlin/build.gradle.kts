plugins {
    kotlin("jvm") version "2.0.0"
}

dependencies {
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.8.0")
    implementation("com.sendgrid:sendgrid-java:4.10.0") // want: third-party sendgrid
    implementation(platform("com.google.cloud:libraries-bom:26.0.0"))
    api("com.slack.api:slack-api-client:1.40.0") // want: third-party slack
    // implementation("com.openai:openai-java:0.1.0")
    testImplementation("com.algolia:algoliasearch:4.0.0")
    testRuntimeOnly("com.pusher:pusher-http-java:1.3.0")
}
