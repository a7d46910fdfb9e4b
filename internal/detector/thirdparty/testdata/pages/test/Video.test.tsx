it("renders", () => {
  render(<iframe src="https://www.youtube.com/embed/abc" />);
});
