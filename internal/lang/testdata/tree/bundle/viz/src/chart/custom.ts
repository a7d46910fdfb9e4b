// A chart's own drawing code, compiled where the chart is drawn.
export function compile(code: string) {
  return new Function("x, ys", code);
}
