// Starts Salesy on this X page: every feature the other files defined (salesy.js), with one
// signal that tears them all down when the extension goes away under the page.
"use strict";

Salesy.start();
