// Stands in for the source-map library in the bundled Handlebars (scripts/bundle-cli.js).
// Handlebars maps the code it generates back to a template only when asked for a source map,
// which appeal never does; without the library it builds that code as plain strings (its own
// fallback, for environments that have none), and a letter's first compile loads 11 modules fewer.
module.exports = {};
