// Settings read through a table of names: each entry names a variable,
// and one loop reads them all by the name the entry holds. Those names
// are read as surely as process.env.X would read them.
type Entry = { env: string; type: string; path: string };

function entry(env: string, type: string, path: string): Entry {
  return { env, type, path };
}

const entries: Entry[] = [
  entry('CORE_SECRET_WORD', 'string', 'core.secret'),
  entry('STRIPE_SECRET_KEY', 'string', 'billing.key'), // want: uses-secret stripe STRIPE_SECRET_KEY; third-party stripe
  entry('CORE_PORT', 'number', 'core.port'),
];

export function readSettings(): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const e of entries) {
    out[e.path] = process.env[e.env];
  }
  return out;
}
