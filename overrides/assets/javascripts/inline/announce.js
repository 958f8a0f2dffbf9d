// Next Round: Material 9.8.2's inline script from partials/javascripts/announce.html, as a file so that
// the Content-Security-Policy needs no inline script. Unchanged.
var el=document.querySelector("[data-md-component=announce]");if(el){var content=el.querySelector(".md-typeset");__md_hash(content.innerHTML)===__md_get("__announce")&&(el.hidden=!0)}
