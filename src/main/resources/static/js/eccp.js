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
  // File inputs speak the page's language: the browser draws its own button in the browser's language, so a
  // button and the chosen names in the page's words stand in front of it (the input itself keeps the focus,
  // its label and the click).
  var fileWords = document.querySelector('meta[name="eccp-file-words"]');
  if (fileWords) {
    document.querySelectorAll('input[type="file"]').forEach(function (input) {
      var picker = document.createElement('span');
      picker.className = 'file-picker';
      var button = document.createElement('span');
      button.className = 'button secondary file-button';
      button.setAttribute('aria-hidden', 'true');
      button.textContent = fileWords.content;
      var names = document.createElement('span');
      names.className = 'file-names';
      names.setAttribute('aria-hidden', 'true');
      names.textContent = fileWords.getAttribute('data-none');
      input.parentNode.insertBefore(picker, input);
      picker.appendChild(input);
      picker.appendChild(button);
      picker.appendChild(names);
      input.classList.add('file-native');
      input.addEventListener('change', function () {
        var count = input.files ? input.files.length : 0;
        names.textContent = count === 0 ? fileWords.getAttribute('data-none') : count === 1 ? input.files[0].name
          : fileWords.getAttribute('data-many').replace('{0}', count.toLocaleString(document.documentElement.lang || undefined));
      });
    });
  }
  // After a failed submit, the error summary takes the focus so that screen readers read it first.
  var summary = document.querySelector('[data-error-summary]');
  if (summary) {
    summary.setAttribute('tabindex', '-1');
    summary.focus();
  }
  // A time-zone field of a fresh form holds the server's guess from the language: the browser's zone replaces it.
  document.querySelectorAll('input[data-guess-time-zone], select[data-guess-time-zone]').forEach(function (field) {
    if (!field.value || field.value === field.defaultValue) {
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

// The report receipt: copy, print or download the reference and status code (the buttons need JavaScript).
document.addEventListener('DOMContentLoaded', function () {
  var receipt = document.getElementById('receipt');
  if (!receipt) {
    return;
  }
  var text = receipt.getAttribute('data-receipt-text') || receipt.innerText;
  var actions = receipt.querySelector('.receipt-actions');
  if (actions) {
    actions.hidden = false;
  }
  var copy = receipt.querySelector('[data-receipt-copy]');
  if (copy && navigator.clipboard) {
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(text).then(function () {
        document.getElementById('receipt-copied').textContent = copy.getAttribute('data-done');
      });
    });
  } else if (copy) {
    copy.hidden = true;
  }
  var print = receipt.querySelector('[data-receipt-print]');
  if (print) {
    print.addEventListener('click', function () { window.print(); });
  }
  var download = receipt.querySelector('[data-receipt-download]');
  if (download) {
    download.addEventListener('click', function () {
      var link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text + '\n'], { type: 'text/plain;charset=utf-8' }));
      link.download = download.getAttribute('data-file-name') || 'report.txt';
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    });
  }
});

// "Show the code": a password field shown as text while the box is ticked.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('input[data-reveal]').forEach(function (box) {
    var field = document.getElementById(box.getAttribute('data-reveal'));
    var label = box.closest('label');
    if (!field) {
      return;
    }
    if (label) {
      label.hidden = false;
    }
    box.addEventListener('change', function () { field.type = box.checked ? 'text' : 'password'; });
  });
});

// Warnings that concern some offences only (the CSAM guidance) show when one of them is chosen.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-for-offences]').forEach(function (warning) {
    var offences = warning.getAttribute('data-for-offences').split(/\s+/);
    var form = warning.closest('form');
    if (!form) {
      return;
    }
    function update() {
      var chosen = form.querySelector('input[name="offence"]:checked');
      warning.hidden = !(chosen && offences.indexOf(chosen.value) >= 0);
    }
    form.addEventListener('change', update);
    update();
  });
  // Victim countries: one more picker when the last one is used.
  var pickers = document.getElementById('victimCountries-picker');
  if (pickers) {
    pickers.addEventListener('change', function () {
      var selects = pickers.querySelectorAll('select.victim-country');
      var last = selects[selects.length - 1];
      if (last.value && selects.length < 20) {
        var label = pickers.querySelector('label[for="' + last.id + '"]').cloneNode(true);
        var copy = last.cloneNode(true);
        copy.id = 'victimCountries-' + selects.length;
        copy.value = '';
        label.setAttribute('for', copy.id);
        label.textContent = label.textContent.replace(/\d+/, String(selects.length + 1));
        last.after(label, copy);
      }
    });
  }
});
