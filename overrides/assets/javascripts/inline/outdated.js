// Next Round: Material 9.8.2's inline script from partials/javascripts/outdated.html, as a file so that
// the Content-Security-Policy needs no inline script. Changed: the base URL comes from data-base.
var el=document.querySelector("[data-md-component=outdated]"),base=new URL(document.currentScript.dataset.base,location),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)
