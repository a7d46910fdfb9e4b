// Lookalike: language data served by the app itself, so tesseract.js
// downloads nothing from its default CDN.
import { createWorker } from "tesseract.js";

export const ocr = (langs: string[]) => createWorker(langs, 1, { langPath: "/static/tessdata" });
