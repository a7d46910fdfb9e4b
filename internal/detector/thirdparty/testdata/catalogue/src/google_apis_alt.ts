// Gmail's batch endpoint on the shared Google APIs host.
export async function batch(body: string) {
  return fetch("https://www.googleapis.com/gmail/v1/users/me/messages/batchModify", { method: "POST", body });
}
