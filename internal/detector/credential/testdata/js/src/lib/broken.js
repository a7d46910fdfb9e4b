const x = `unterminated ${process.env.BROKEN_TEMPLATE_SECRET // want: credential BROKEN_TEMPLATE_SECRET secret -
function ( {{{
