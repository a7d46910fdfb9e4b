/*jslint browser: true */
;(function ($) {
  Widgetkit.libs.tips = {
    name: 'tips',
    version: '2.1.0',
    show: function (el, text) { el.innerHTML = '<span>' + text + '</span>'; }
  };
}(jQuery));
