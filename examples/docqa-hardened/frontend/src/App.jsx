import { useState } from "react";
import { ask, upload } from "./api.js";

export default function App() {
  const [docId, setDocId] = useState(null);
  const [question, setQuestion] = useState("");
  const [answer, setAnswer] = useState("");

  async function onFile(e) {
    const { id } = await upload(e.target.files[0]);
    setDocId(id);
  }

  async function onAsk(e) {
    e.preventDefault();
    const { answer } = await ask(docId, question);
    setAnswer(answer);
  }

  return (
    <main>
      <h1>Ask your documents</h1>
      <input type="file" onChange={onFile} />
      <form onSubmit={onAsk}>
        <input value={question} onChange={(e) => setQuestion(e.target.value)} placeholder="Ask a question" />
        <button disabled={!docId}>Ask</button>
      </form>
      {answer && <p>{answer}</p>}
    </main>
  );
}
