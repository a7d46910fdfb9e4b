import React from "react";
import { Tooltip } from "./tooltip";

// Lookalike: a prop named html on a component that renders it as text.
export function Card({ note }: { note: { text: string } }) {
  return <Tooltip html={note.text} />;
}
