// ECCP: progressive enhancement only; every page works without JavaScript.
// htmx requests that change state carry the CSRF token from the page's meta tags.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// The menu button on small screens: the navigation stays visible without JavaScript.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('menu-button');
  var menu = document.getElementById('site-menu');
  if (button && menu) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var open = menu.classList.toggle('open');
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
  // Wide tables scroll inside their own box (reachable by keyboard) instead of widening the page.
  document.querySelectorAll('main table.table').forEach(function (table) {
    if (table.parentElement && table.parentElement.classList.contains('table-scroll')) {
      return;
    }
    var box = document.createElement('div');
    box.className = 'table-scroll';
    box.tabIndex = 0;
    box.setAttribute('role', 'region');
    var heading = table.id ? table.id : 'table';
    var caption = table.querySelector('caption');
    var label = caption ? caption.textContent : (document.querySelector('h1') || {}).textContent;
    box.setAttribute('aria-label', (label || heading).trim());
    table.parentNode.insertBefore(box, table);
    box.appendChild(table);
  });
  // After a failed submit, the error summary takes the focus so that screen readers read it first.
  var summary = document.querySelector('[data-error-summary]');
  if (summary) {
    summary.setAttribute('tabindex', '-1');
    summary.focus();
  }
  // A time-zone field left empty is filled with the browser's zone.
  document.querySelectorAll('input[data-guess-time-zone], select[data-guess-time-zone]').forEach(function (field) {
    if (!field.value) {
      try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone) {
          if (field.tagName === 'SELECT') {
            for (var i = 0; i < field.options.length; i++) {
              if (field.options[i].value === zone) { field.value = zone; }
            }
          } else {
            field.value = zone;
          }
        }
      } catch (e) { /* no Intl: the field stays empty, UTC is assumed */ }
    }
  });
});
