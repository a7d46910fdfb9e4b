// A component: its fetch runs in the user's browser (an event handler).
import { track } from "./track";

export function Signup() {
  const submit = () => track() && fetch("https://api.lookalike-component.io/v1/signup", { method: "POST", body: "{}" });
  return <button onClick={submit}>Sign up</button>;
}
