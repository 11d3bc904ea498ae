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

  function init() {
    initAutosubmit();
    initCopy();
    initConfirm();
  }

  if (doc.readyState === 'loading') {
    doc.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
