/* Ambasada: small progressive enhancements. The site works fully without this file. */
(function () {
  'use strict';

  var doc = document;
  doc.documentElement.classList.add('js');

  function each(selector, fn) {
    Array.prototype.forEach.call(doc.querySelectorAll(selector), fn);
  }

  // 1. <select data-autosubmit>: submit the form on change (the [data-nojs] button is hidden by CSS).
  function initAutosubmit() {
    each('select[data-autosubmit]', function (select) {
      select.addEventListener('change', function () {
        var form = select.form;
        if (!form) return;
        if (typeof form.requestSubmit === 'function') {
          form.requestSubmit();
        } else {
          form.submit();
        }
      });
    });
  }

  // 2. <button data-copy="#selector">: copy the target's text to the clipboard.
  function fallbackCopy(text) {
    var ta = doc.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.top = '0';
    ta.style.left = '-9999px';
    ta.style.opacity = '0';
    doc.body.appendChild(ta);
    ta.select();
    try { ta.setSelectionRange(0, text.length); } catch (e) { /* ignore */ }
    var ok = false;
    try { ok = doc.execCommand('copy'); } catch (e) { ok = false; }
    doc.body.removeChild(ta);
    return ok;
  }

  function copyText(text) {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return fallbackCopy(text); }
      );
    }
    return Promise.resolve(fallbackCopy(text));
  }

  function selectContents(el) {
    var sel = window.getSelection && window.getSelection();
    if (!sel) return;
    var range = doc.createRange();
    range.selectNodeContents(el);
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function initCopy() {
    each('button[data-copy]', function (btn) {
      var label = btn.textContent;
      var timer = null;
      btn.addEventListener('click', function (event) {
        event.preventDefault();
        var target = null;
        try { target = doc.querySelector(btn.getAttribute('data-copy')); } catch (e) { target = null; }
        if (!target) return;
        var text = target.textContent.trim();
        copyText(text).then(function (ok) {
          btn.focus();
          if (!ok) {
            // Could not copy: select the text so the user can press Ctrl+C / ⌘C.
            selectContents(target);
            return;
          }
          if (!btn.style.minWidth) btn.style.minWidth = btn.offsetWidth + 'px';
          btn.textContent = '✓';
          if (timer) clearTimeout(timer);
          timer = setTimeout(function () {
            btn.textContent = label;
            timer = null;
          }, 1500);
        });
      });
    });
  }

  // 3. <form data-confirm="question">: ask before submitting.
  function initConfirm() {
    each('form[data-confirm]', function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.dataset.confirm)) event.preventDefault();
      });
    });
  }

  // 4. <textarea data-count="network" data-limit="n">: live character counter in the
  //    following <p class="counter"><span data-counter>. Mirrors core::content::counted_length:
  //    Unicode code points; on X every http(s) URL counts as 23, plus 24 for the tracked
  //    link (23 + a space) appended on sharing.
  var X_URL_LENGTH = 23;
  // Rust's char::is_whitespace set (JS \s differs by U+0085 and U+FEFF).
  var X_URL_RE = /https?:\/\/[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gi;

  function codePoints(text) {
    return Array.from(text).length;
  }

  function countedLength(network, text) {
    if (network !== 'x') return codePoints(text);
    var count = 0;
    var last = 0;
    var m;
    X_URL_RE.lastIndex = 0;
    while ((m = X_URL_RE.exec(text)) !== null) {
      count += codePoints(text.slice(last, m.index)) + X_URL_LENGTH;
      last = m.index + m[0].length;
    }
    return count + codePoints(text.slice(last)) + X_URL_LENGTH + 1;
  }

  function findCounter(textarea) {
    var el = textarea.nextElementSibling;
    while (el) {
      if (el.classList.contains('counter')) {
        var number = el.querySelector('[data-counter]');
        if (number) return { box: el, number: number };
      }
      if (el.matches('textarea, .counter')) break; // the next field's counter is not ours
      el = el.nextElementSibling;
    }
    return null;
  }

  function initCounters() {
    each('textarea[data-count]', function (textarea) {
      var counter = findCounter(textarea);
      if (!counter) return;
      var network = (textarea.getAttribute('data-count') || '').toLowerCase();
      var limit = parseInt(textarea.getAttribute('data-limit'), 10);
      function update() {
        var n = countedLength(network, textarea.value);
        counter.number.textContent = String(n);
        counter.box.classList.toggle('over', !isNaN(limit) && n > limit);
      }
      textarea.addEventListener('input', update);
      update(); // the browser may have restored an edited value
    });
  }

  // 5. Share screen (<section data-share data-item data-network data-csrf>).
  function setText(el, text) {
    if (el) el.textContent = text;
  }

  function readJson(res) {
    var type = res.headers.get('Content-Type') || '';
    if (type.indexOf('application/json') === -1) throw new Error('not JSON');
    return res.json();
  }

  function initShare() {
    var section = doc.querySelector('section[data-share]');
    if (!section || typeof window.fetch !== 'function' || typeof window.URLSearchParams !== 'function') return;
    var item = section.getAttribute('data-item');
    var network = section.getAttribute('data-network') || '';
    var csrf = section.getAttribute('data-csrf') || '';
    var textarea = doc.getElementById('text');
    var form = doc.getElementById('share-form');

    // 5a. Live personalisation score and the confirmation's copy of the text.
    if (textarea) {
      var meter = doc.getElementById('personalisation');
      var percent = section.querySelector('[data-personalisation]');
      var hint = section.querySelector('[data-personalised-hint]');
      var confirmText = doc.querySelector('input[data-confirm-text]');
      var timer = null;
      var seq = 0;

      var score = function () {
        var mine = ++seq;
        fetch('/app/feed/' + encodeURIComponent(item) + '/score', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf },
          body: new URLSearchParams({ network: network, text: textarea.value, csrf_token: csrf })
        }).then(function (res) {
          if (!res.ok) throw new Error('HTTP ' + res.status);
          return readJson(res);
        }).then(function (data) {
          if (mine !== seq || !data) return; // a newer request is on its way
          var p = Math.max(0, Math.min(100, Math.round(Number(data.personalisation) || 0)));
          if (meter) {
            meter.value = p;
            meter.setAttribute('value', String(p));
            meter.textContent = p + '%';
          }
          setText(percent, p + '%');
          if (hint && typeof data.personalised === 'boolean') {
            var key = data.personalised ? 'data-yes' : 'data-no';
            if (hint.hasAttribute(key)) hint.textContent = hint.getAttribute(key);
          }
        }).catch(function () { /* keep the last value; the server scores on confirm anyway */ });
      };

      textarea.addEventListener('input', function () {
        if (confirmText) confirmText.value = textarea.value;
        if (timer) clearTimeout(timer);
        timer = setTimeout(function () { timer = null; score(); }, 300);
      });
      if (confirmText) confirmText.value = textarea.value;
    }

    // 5b. The share button: get the tracked link as JSON, copy the text, open the composer.
    if (!form) return;
    var result = section.querySelector('[data-result]');
    var warning = section.querySelector('[data-warning]');
    var busy = false;

    function counterOf() {
      return textarea ? findCounter(textarea) : null;
    }

    function showError(message) {
      var counter = counterOf();
      var anchor = counter ? counter.box : textarea;
      if (!anchor) return;
      var p = anchor.nextElementSibling;
      if (!p || !p.classList.contains('field-error')) {
        p = doc.createElement('p');
        p.className = 'field-error';
        anchor.parentNode.insertBefore(p, anchor.nextSibling);
      }
      p.setAttribute('role', 'alert');
      p.textContent = message;
      p.hidden = false;
      if (textarea) {
        textarea.setAttribute('aria-invalid', 'true');
        textarea.focus();
      }
    }

    function clearError() {
      var counter = counterOf();
      var anchor = counter ? counter.box : textarea;
      var p = anchor && anchor.nextElementSibling;
      if (p && p.classList.contains('field-error')) p.hidden = true;
      if (textarea) textarea.removeAttribute('aria-invalid');
    }

    function closeWin(win) {
      if (!win) return;
      try { win.close(); } catch (e) { /* ignore */ }
    }

    function showResult(data) {
      if (!result) return;
      var finalText = result.querySelector('[data-final-text]');
      if (finalText) finalText.value = data.final_text || '';
      setText(result.querySelector('[data-link]'), data.url || '');
      var shareLink = result.querySelector('[data-share-url]');
      if (shareLink && data.share_url) shareLink.href = data.share_url;
      result.hidden = false;
      if (warning) {
        if (data.near_identical) {
          if (data.warning) warning.textContent = data.warning;
          warning.hidden = false;
        } else {
          warning.hidden = true;
        }
      }
    }

    function revealLink() {
      if (!result) return;
      var shareLink = result.querySelector('[data-share-url]');
      if (shareLink) {
        shareLink.focus();
      } else if (result.scrollIntoView) {
        result.scrollIntoView();
      }
    }

    form.addEventListener('submit', function (event) {
      // The LinkedIn buttons post the same form elsewhere: the browser submits it, once.
      if (event.submitter && event.submitter.hasAttribute('formaction')) {
        if (busy) {
          event.preventDefault();
          return;
        }
        busy = true;
        setTimeout(function () { busy = false; }, 15000);
        return;
      }
      if (busy) {
        event.preventDefault();
        return;
      }
      var body;
      try {
        body = new URLSearchParams(new FormData(form));
      } catch (e) {
        return; // let the browser submit the form normally
      }
      event.preventDefault();
      busy = true;
      form.setAttribute('aria-busy', 'true');

      var token = csrf;
      if (form.elements.csrf_token && form.elements.csrf_token.value) token = form.elements.csrf_token.value;

      var request = fetch(form.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Accept': 'application/json', 'X-CSRF-Token': token },
        body: body
      }).then(function (res) {
        if (res.status !== 200 && res.status !== 422) throw new Error('HTTP ' + res.status);
        return readJson(res).then(function (data) { return { status: res.status, data: data || {} }; });
      });

      // Start the clipboard write now, inside the click (the text arrives later): once
      // the new tab takes the focus, a later write would be refused.
      var copied = Promise.resolve(false);
      if (window.ClipboardItem && navigator.clipboard && typeof navigator.clipboard.write === 'function') {
        try {
          var blob = request.then(function (answer) {
            if (answer.status !== 200 || typeof answer.data.final_text !== 'string') throw new Error('no text');
            return new Blob([answer.data.final_text], { type: 'text/plain' });
          });
          copied = navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })]).then(
            function () { return true; },
            function () { return false; }
          );
        } catch (e) { copied = Promise.resolve(false); }
      }

      // Open the tab now, inside the user's click, so pop-up blockers allow it.
      var win = null;
      try { win = window.open('', '_blank'); } catch (e) { win = null; }
      if (win) {
        try { win.opener = null; } catch (e) { /* ignore */ }
      }

      function done() {
        busy = false;
        form.removeAttribute('aria-busy');
      }

      function fallback() {
        closeWin(win);
        done();
        form.submit(); // the server answers with the same result as an HTML page
      }

      request.then(function (answer) {
        var data = answer.data;
        if (answer.status === 422) {
          if (typeof data.error !== 'string') { fallback(); return; }
          closeWin(win);
          done();
          showError(data.error);
          return;
        }
        if (typeof data.share_url !== 'string' || typeof data.final_text !== 'string') { fallback(); return; }
        done();
        clearError();
        showResult(data);
        copied.then(function (ok) {
          return ok || copyText(data.final_text).then(function (ok2) { return ok2; }, function () { return false; });
        }).then(function (ok) {
          if (!ok) {
            // Could not copy (the new tab may have taken the focus): select the text instead.
            var finalText = result && result.querySelector('[data-final-text]');
            if (finalText) { try { finalText.select(); } catch (e) { /* ignore */ } }
          }
          var opened = false;
          if (win) {
            try {
              win.opener = null;
              win.location.href = data.share_url;
              opened = true;
            } catch (e) {
              closeWin(win);
            }
          }
          if (!opened) revealLink(); // pop-up blocked: the person clicks the link themselves
        });
      }, fallback);
    });
  }

  // A form that came back with errors: bring its first field in error into view and
  // give it the focus (the message sits under it), or the form's own message when no
  // field is named.
  function initFirstError() {
    var first = doc.querySelector('.field-error') || doc.querySelector('.form-error');
    if (!first) return;
    var field = null;
    if (first.classList.contains('field-error')) {
      var el = first.previousElementSibling;
      while (el && !field) {
        if (el.matches('input, select, textarea')) field = el;
        else if (el.matches('label.check, .hint') ) {
          field = el.querySelector('input, select, textarea');
        }
        if (!field && el.matches('label:not(.check)')) break;
        el = el.previousElementSibling;
      }
      if (!field) {
        var box = first.closest('fieldset, div, form');
        if (box) field = box.querySelector('[aria-invalid="true"], input:not([type="hidden"]), select, textarea');
      }
    }
    var target = field || first;
    if (target.scrollIntoView) target.scrollIntoView({ block: 'center' });
    if (field) {
      field.focus({ preventScroll: true });
    } else {
      if (!first.hasAttribute('tabindex')) first.setAttribute('tabindex', '-1');
      first.focus({ preventScroll: true });
    }
  }

  // The header's menu: on phones it folds behind the menu button (the CSS folds it only
  // once this ran, so without JavaScript it stays open); on wide screens one group's
  // menu opens at a time and closes on a click elsewhere or Escape.
  function initMenu() {
    var header = doc.querySelector('header.top');
    var button = doc.getElementById('menu-button');
    if (header && button) {
      button.hidden = false;
      header.classList.add('has-menu');
      button.addEventListener('click', function () {
        var open = header.classList.toggle('open');
        button.setAttribute('aria-expanded', open ? 'true' : 'false');
      });
    }
    var groups = doc.querySelectorAll('.nav-group');
    function closeAll(except) {
      for (var i = 0; i < groups.length; i++) {
        if (groups[i] !== except) groups[i].open = false;
      }
    }
    for (var i = 0; i < groups.length; i++) {
      groups[i].addEventListener('toggle', function (e) {
        if (e.target.open) closeAll(e.target);
      });
    }
    doc.addEventListener('click', function (e) {
      if (!e.target.closest || !e.target.closest('.nav-group')) closeAll(null);
    });
    doc.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') closeAll(null);
    });
  }

  function init() {
    initMenu();
    initFirstError();
    initAutosubmit();
    initCopy();
    initConfirm();
    initCounters();
    initShare();
  }

  if (doc.readyState === 'loading') {
    doc.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
