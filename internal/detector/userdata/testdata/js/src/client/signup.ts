// Client code: a request body, not a model.
export async function signup(email: string, password: string) {
  const body = { email, password, phone: "" };
  return fetch("/api/signup", { method: "POST", body: JSON.stringify(body) });
}
