// Next Round: Material 9.8.2's inline script from partials/javascripts/content.html, as a file so that
// the Content-Security-Policy needs no inline script. Unchanged.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
