// Progressive enhancement for the 适老化 toolbar: apply text size / contrast in place (no reload, focus stays
// on the control) and store them in the same `gk_prefs` cookie that /prefs sets. Without this script the
// toolbar links go through /prefs and work the same way.
(function () {
  'use strict';
  var root = document.documentElement;
  var textClasses = { normal: '', large: 'text-large', xlarge: 'text-xlarge' };

  function current() {
    var text = root.classList.contains('text-xlarge') ? 'xlarge' : root.classList.contains('text-large') ? 'large' : 'normal';
    return { text: text, contrast: root.classList.contains('contrast-high') ? 'high' : 'normal' };
  }

  function apply(prefs) {
    root.classList.remove('text-large', 'text-xlarge', 'contrast-high');
    if (textClasses[prefs.text]) root.classList.add(textClasses[prefs.text]);
    if (prefs.contrast === 'high') root.classList.add('contrast-high');
    var secure = location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = 'gk_prefs=' + prefs.text + '.' + prefs.contrast + '; Path=/; Max-Age=31536000; SameSite=Lax' + secure;
    var links = document.querySelectorAll('a[data-pref]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      if (link.getAttribute('data-value') === prefs[link.getAttribute('data-pref')]) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  }

  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[data-pref]') : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    var name = link.getAttribute('data-pref');
    var value = link.getAttribute('data-value');
    var prefs = current();
    if (!(name in prefs)) return;
    event.preventDefault();
    prefs[name] = value;
    apply(prefs);
  });
})();
