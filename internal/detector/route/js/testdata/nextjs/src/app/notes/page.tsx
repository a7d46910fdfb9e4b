import { db } from '../../lib/db';

export default async function NotesPage() {
  const notes = await db.note.findMany();

  // An inline action: the directive starts its body.
  async function subscribe(formData: FormData) { // want: POST /subscribe
    'use server';
    await db.subscriber.create({ data: { email: String(formData.get('email')) } });
  }

  // Lookalike: a function that only mentions the directive in a string.
  const hint = () => 'use server actions for forms';

  return (
    <form action={subscribe}>
      <p>{hint()}</p>
      {notes.map((n) => <p key={n.id}>{n.text}</p>)}
    </form>
  );
}
