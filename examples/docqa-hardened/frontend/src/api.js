// Client calls to the back end. These are not routes: the server owns them.
export async function ask(documentId, question) {
  const res = await fetch("/api/chat", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    credentials: "include",
    body: JSON.stringify({ document_id: documentId, question }),
  });
  return res.json();
}

export async function upload(file) {
  const form = new FormData();
  form.append("file", file);
  const res = await fetch("/api/upload", { method: "POST", body: form, credentials: "include" });
  return res.json();
}

export async function getDocument(id) {
  const res = await fetch(`/api/documents/${id}`, { credentials: "include" });
  return res.json();
}
