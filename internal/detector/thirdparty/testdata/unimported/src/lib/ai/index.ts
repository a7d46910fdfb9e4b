export * from "./mistral";
