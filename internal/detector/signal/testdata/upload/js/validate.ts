export function checkKind(kind: string, accepted: string[]) {
  if (!accepted.includes(kind)) {
    throw new Error("file type not accepted");
  }
}
