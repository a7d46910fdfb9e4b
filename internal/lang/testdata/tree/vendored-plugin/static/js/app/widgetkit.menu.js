// The app's own menu, versioned, but in a folder with no library beside it.
var menu = { version: '1.0.0' };
