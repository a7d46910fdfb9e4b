// A GitHub avatar a page loads; Fathom's stats API the server reads.
export const Avatar = ({ id }: { id: string }) => <img src={`https://avatars.githubusercontent.com/u/${id}?s=40`} alt="" />;
