/* Rempart progressive enhancements: the pages work without this file. */
(function () {
  'use strict';
  /* Move focus to the main region when the skip link is used, so screen
     readers and keyboards land on the content. */
  document.addEventListener('DOMContentLoaded', function () {
    var skip = document.querySelector('.skip-link');
    var main = document.getElementById('main');
    if (skip && main) {
      skip.addEventListener('click', function () { main.focus(); });
    }
  });
}());
