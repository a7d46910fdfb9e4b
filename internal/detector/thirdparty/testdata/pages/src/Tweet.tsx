import { Tweet } from "react-tweet";

export const Quote = ({ id }: { id: string }) => <Tweet id={id} />;
