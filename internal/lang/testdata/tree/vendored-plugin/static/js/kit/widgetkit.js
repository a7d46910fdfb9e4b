/*
 * Widgetkit 2.1.0
 * Copyright 2014, Someone
 * MIT License
 */
(function () { window.Widgetkit = { libs: {} }; }());
