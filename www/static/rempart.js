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
    /* "Select all" boxes (hidden without script): data-select-all names
       the checkboxes of their form that they tick and untick. */
    Array.prototype.forEach.call(document.querySelectorAll('[data-select-all]'), function (all) {
      var form = all.form;
      var name = all.getAttribute('data-select-all');
      var boxes = function () {
        return Array.prototype.filter.call(form.elements, function (el) { return el.name === name; });
      };
      var sync = function () {
        var on = boxes().filter(function (b) { return b.checked; }).length;
        all.checked = on > 0 && on === boxes().length;
        all.indeterminate = on > 0 && on < boxes().length;
      };
      all.closest('label').hidden = false;
      all.addEventListener('change', function () {
        boxes().forEach(function (b) { b.checked = all.checked; });
      });
      form.addEventListener('change', function (e) { if (e.target.name === name) { sync(); } });
      sync();
    });
    /* Deploying library templates to several clients: the form posts
       everything at once without script. With it, the whole selection is
       checked first (a dry run: one refused client deploys nothing
       anywhere), then each client is deployed by its own API call, with a
       progress bar, and the result links to each client's resources. */
    Array.prototype.forEach.call(document.querySelectorAll('form[data-deploy]'), function (form) {
      form.addEventListener('submit', function (e) {
        var ids = function (name) {
          return Array.prototype.filter.call(form.elements, function (el) {
            return el.name === name && (el.type === 'hidden' || el.checked);
          }).map(function (el) { return Number(el.value); });
        };
        var templates = ids('template_ids');
        var clients = ids('client_ids');
        if (clients.length < 2 || templates.length === 0 || !window.fetch) { return; }
        e.preventDefault();
        deploy(form, templates, clients);
      });
    });
    function deploy(form, templates, clients) {
      var msg = function (k) { return form.getAttribute('data-msg-' + k) || ''; };
      var status = form.querySelector('.deploy-status');
      var bar = status.querySelector('progress');
      var text = status.querySelector('.deploy-progress-text');
      var result = status.querySelector('.deploy-result');
      var button = form.querySelector('button[type=submit]');
      var token = form.elements.csrf_token ? form.elements.csrf_token.value : '';
      var done = [];
      var call = function (body) {
        return fetch(form.getAttribute('data-deploy'), {
          method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
          body: JSON.stringify(body)
        }).then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (j) {
            if (!r.ok) { throw (j && j.error) || { code: 'error' }; }
            return j;
          });
        });
      };
      var progress = function (n) {
        bar.value = n;
        text.textContent = n + ' / ' + clients.length + ' ' + msg('unit');
      };
      var links = function (title, list) {
        var h = document.createElement('p');
        h.textContent = title;
        var ul = document.createElement('ul');
        list.forEach(function (d) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = '/clients/' + encodeURIComponent(d.client_id) + '/resources';
          a.textContent = d.client_name;
          li.appendChild(a);
          ul.appendChild(li);
        });
        result.appendChild(h);
        result.appendChild(ul);
      };
      button.disabled = true;
      status.hidden = false;
      result.textContent = '';
      result.className = 'deploy-result';
      bar.max = clients.length;
      bar.value = 0;
      text.textContent = msg('checking');
      call({ template_ids: templates, client_ids: clients, dry_run: true }).then(function () {
        progress(0);
        /* One client after another: each its own transaction. */
        return clients.reduce(function (p, c, i) {
          return p.then(function () {
            return call({ template_ids: templates, client_ids: [c] }).then(function (j) {
              done = done.concat(j.deployed || []);
              progress(i + 1);
            });
          });
        }, Promise.resolve());
      }).then(function () {
        var flash = document.createElement('p');
        flash.className = 'flash';
        flash.textContent = templates.length + ' ' + msg(templates.length === 1 ? 't1' : 'tn') + ' ' +
          clients.length + ' ' + msg(clients.length === 1 ? 'c1' : 'cn');
        result.appendChild(flash);
        links(msg('open'), done);
        result.focus();
      }, function (err) {
        var p = document.createElement('p');
        p.className = 'error-summary';
        p.textContent = msg('failed') + ' ' + (msg(err.code) || msg('error')) +
          (done.length ? '' : ' ' + msg('nothing'));
        result.appendChild(p);
        if (done.length) { links(msg('partial'), done); }
        text.textContent = '';
        result.focus();
      }).then(function () { button.disabled = false; });
    }
    /* Bring the error summary of a refused form into view. */
    var summary = document.querySelector('.error-summary');
    if (summary) { summary.focus(); }
  });
}());
