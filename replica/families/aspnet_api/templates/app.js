(function(){var c=window.__APP_CONFIG__;
function reads(id,o,l){var b=id?{categoryId:id}:{rootSlug:c.rootSlug};
return fetch(c.apiBase+"/article/reads?offset="+o+"&limit="+l,
{method:"POST",headers:{"Content-Type":"application/json"},body:JSON.stringify(b)})
.then(function(r){return r.json();});}
function bySlug(s){return fetch(c.apiBase+"/article/getbyslug?slug="+encodeURIComponent(s))
.then(function(r){return r.json();});}
window.mof={reads:reads,bySlug:bySlug};})();
