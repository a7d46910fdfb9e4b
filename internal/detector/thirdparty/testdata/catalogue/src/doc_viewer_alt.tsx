// The Google Docs viewer at its other path: it fetches the file it is
// given.
export const Preview = ({ file }: { file: string }) => <iframe src={`https://docs.google.com/viewer?url=${file}&embedded=true`} />;
