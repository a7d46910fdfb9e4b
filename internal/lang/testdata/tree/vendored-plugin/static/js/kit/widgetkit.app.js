// The app's own start-up script, named for the kit it builds on: no
// release of its own.
Widgetkit.libs.tips.show(document.getElementById('hint'), 'Hello');
