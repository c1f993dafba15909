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

// Dates and times in the page's language (fragments/field.html): the browser draws date inputs in the browser's
// language, whatever the page's. An input with data-local-format (the page's pattern: dd/MM/yyyy in French,
// dd.MM.yyyy in German, ISO in English) becomes a text field showing its value in that pattern, with the format as
// its placeholder and hint; a hidden input of the same name carries the ISO value the server reads. ISO typed or set
// is taken as it is; text in neither form is submitted as typed, so that the server refuses it at its field.
var EccpDates = (function () {
  var ISO = {
    'date': /^(\d{4})-(\d{2})-(\d{2})$/,
    'datetime-local': /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/,
    'time': /^(\d{2}):(\d{2})(?::(\d{2}))?$/,
    'month': /^(\d{4})-(\d{2})$/
  };
  var FIELDS = { 'date': ['y', 'M', 'd'], 'datetime-local': ['y', 'M', 'd', 'H', 'm', 's'], 'time': ['H', 'm', 's'], 'month': ['y', 'M'] };
  var TOKENS = /yyyy|MM|dd|HH|mm|ss/g;
  var TOKEN_FIELD = { 'yyyy': 'y', 'MM': 'M', 'dd': 'd', 'HH': 'H', 'mm': 'm', 'ss': 's' };

  function two(n) { return (n < 10 ? '0' : '') + n; }

  function valid(p) {
    if (p.M !== undefined && (p.M < 1 || p.M > 12)) { return false; }
    if (p.d !== undefined && (p.d < 1 || p.d > new Date(Date.UTC(p.y, p.M, 0)).getUTCDate())) { return false; }
    if (p.H !== undefined && p.H > 23) { return false; }
    if (p.m !== undefined && p.m > 59) { return false; }
    return !(p.s !== undefined && p.s > 59);
  }

  function fromIso(text, kind) {
    var match = ISO[kind].exec(text.trim());
    if (!match) { return null; }
    var parts = {};
    FIELDS[kind].forEach(function (field, i) {
      if (match[i + 1] !== undefined) { parts[field] = parseInt(match[i + 1], 10); }
    });
    return valid(parts) ? parts : null;
  }

  function toIso(p, kind) {
    var date = p.y + '-' + two(p.M);
    var time = two(p.H) + ':' + two(p.m) + (p.s !== undefined ? ':' + two(p.s) : '');
    return kind === 'month' ? date : kind === 'date' ? date + '-' + two(p.d)
      : kind === 'time' ? time : date + '-' + two(p.d) + 'T' + time;
  }

  /** Text in the page's pattern (seconds optional after the minutes) to its parts, or null. */
  function fromLocal(text, pattern) {
    var fields = [];
    var source = pattern.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&').replace(TOKENS, function (token) {
      fields.push(TOKEN_FIELD[token]);
      return token === 'yyyy' ? '(\\d{4})' : '(\\d{1,2})';
    }).replace(/ /g, '\\s+');
    if (fields.indexOf('m') >= 0 && fields.indexOf('s') < 0) {
      source += '(?::(\\d{1,2}))?';
      fields.push('s');
    }
    var match = new RegExp('^\\s*' + source + '\\s*$').exec(text);
    if (!match) { return null; }
    var parts = {};
    fields.forEach(function (field, i) {
      if (match[i + 1] !== undefined) { parts[field] = parseInt(match[i + 1], 10); }
    });
    return valid(parts) ? parts : null;
  }

  function toLocal(p, pattern) {
    var text = pattern.replace(TOKENS, function (token) {
      var value = p[TOKEN_FIELD[token]];
      return token === 'yyyy' ? String(value) : two(value);
    });
    return p.s !== undefined && p.s !== 0 && pattern.indexOf('ss') < 0 && pattern.indexOf('mm') >= 0
      ? text + ':' + two(p.s) : text;
  }

  /** What to submit for the text typed: ISO when it reads as a date of the kind, the text itself otherwise. */
  function submitted(text, kind, pattern) {
    if (!text.trim()) { return ''; }
    var parts = fromIso(text, kind) || fromLocal(text, pattern);
    return parts ? toIso(parts, kind) : text;
  }

  function localise(input) {
    if (input.getAttribute('data-localised')) { return; }
    var kind = input.getAttribute('type');
    if (!ISO[kind]) { return; }
    var pattern = input.getAttribute('data-local-format');
    var stored = input.getAttribute('value') || '';
    var parts = stored ? fromIso(stored, kind) : null;
    var text = document.createElement('input');
    text.type = 'text';
    text.id = input.id;
    text.className = input.className;
    text.value = parts ? toLocal(parts, pattern) : stored;
    text.placeholder = input.getAttribute('data-local-placeholder') || '';
    text.autocomplete = 'off';
    text.size = Math.max(pattern.length + 2, 10);
    ['required', 'aria-invalid', 'aria-describedby', 'disabled'].forEach(function (name) {
      if (input.hasAttribute(name)) { text.setAttribute(name, input.getAttribute(name)); }
    });
    var hint = document.getElementById(input.id + '-format');
    if (hint) {
      hint.hidden = false;
      text.setAttribute('aria-describedby', ((text.getAttribute('aria-describedby') || '') + ' ' + hint.id).trim());
    }
    input.id = input.id + '-iso';
    input.removeAttribute('required');
    input.removeAttribute('aria-describedby');
    input.setAttribute('data-localised', 'true');
    input.type = 'hidden';
    input.value = stored;
    input.parentNode.insertBefore(text, input);
    function sync() { input.value = submitted(text.value, kind, pattern); }
    text.addEventListener('input', sync);
    text.addEventListener('change', sync);
    input.eccpSync = sync;
  }

  function syncAll(root) {
    (root || document).querySelectorAll('input[data-localised]').forEach(function (input) {
      if (input.eccpSync) { input.eccpSync(); }
    });
  }

  return { localise: localise, syncAll: syncAll, submitted: submitted };
})();

document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('input[data-local-format]').forEach(EccpDates.localise);
});
// A value set by a script (or typed without an input event) counts too: every form reads its fields again on submit,
// before htmx or the browser collect them.
document.addEventListener('submit', function (event) { EccpDates.syncAll(event.target); }, true);
document.addEventListener('htmx:load', function (event) {
  event.detail.elt.querySelectorAll && event.detail.elt.querySelectorAll('input[data-local-format]').forEach(EccpDates.localise);
});
document.addEventListener('htmx:configRequest', function (event) {
  var elt = event.detail.elt;
  var form = elt && elt.closest ? (elt.tagName === 'FORM' ? elt : elt.closest('form')) : null;
  if (!form) {
    return;
  }
  form.querySelectorAll('input[data-localised]').forEach(function (input) {
    if (!input.eccpSync || !input.name || form.querySelectorAll('input[name="' + input.name + '"]').length !== 1) {
      return;
    }
    input.eccpSync();
    var parameters = event.detail.parameters;
    if (typeof parameters.set === 'function') {
      parameters.set(input.name, input.value);
    } else {
      parameters[input.name] = input.value;
    }
  });
});
