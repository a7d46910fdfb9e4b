// The seat map is a page of its own the product frames.
export function SeatMap() {
  return <iframe title="seats" src="/widgets/seatmap.html" />;
}
