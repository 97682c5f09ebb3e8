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
    /* Bring the error summary of a refused form into view. */
    var summary = document.querySelector('.error-summary');
    if (summary) { summary.focus(); }
  });
}());
