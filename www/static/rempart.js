/* Rempart progressive enhancements: the pages work without this file. */
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    /* Move focus to the main region when the skip link is used, so screen
       readers and keyboards land on the content. */
    var skip = document.querySelector('.skip-link');
    var main = document.getElementById('main');
    if (skip && main) {
      skip.addEventListener('click', function () { main.focus(); });
    }
    /* Confirmation before destructive actions: buttons carrying
       data-confirm ask first. */
    document.addEventListener('click', function (e) {
      var b = e.target.closest ? e.target.closest('[data-confirm]') : null;
      if (b && !window.confirm(b.getAttribute('data-confirm'))) {
        e.preventDefault();
      }
    });
    /* Client-side filter of the rows shown: an input with data-filter
       names the table it filters (the server-side search still works
       without script). */
    Array.prototype.forEach.call(document.querySelectorAll('[data-filter]'), function (input) {
      var table = document.getElementById(input.getAttribute('data-filter'));
      var status = document.getElementById(input.getAttribute('data-filter') + '-count');
      if (!table) { return; }
      input.hidden = false;
      if (input.previousElementSibling) { input.previousElementSibling.hidden = false; }
      input.addEventListener('input', function () {
        var needle = input.value.toLowerCase();
        var shown = 0;
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
          var match = row.textContent.toLowerCase().indexOf(needle) !== -1;
          row.hidden = !match;
          if (match) { shown++; }
        });
        if (status) { status.textContent = shown + ' / ' + table.tBodies[0].rows.length; }
      });
    });
    /* Keyboard shortcut: "/" jumps to the page's search or filter field. */
    document.addEventListener('keydown', function (e) {
      var t = e.target;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey ||
          /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable) { return; }
      var field = document.querySelector('[data-filter]:not([hidden])') ||
        document.querySelector('input[type=search]');
      if (field) { e.preventDefault(); field.focus(); }
    });
    /* Bring the error summary of a refused form into view. */
    var summary = document.querySelector('.error-summary');
    if (summary) { summary.focus(); }
  });
}());
