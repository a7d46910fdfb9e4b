export default defineEventHandler(() => '<rss/>'); // want: ANY /feed.xml
