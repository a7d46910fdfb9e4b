// The YouTube iframe API a page loads to drive its player.
export const PlayerApi = () => <script src="https://www.youtube.com/iframe_api" />;
