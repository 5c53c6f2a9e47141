// Filing form: refresh the FAQ suggestions while the satker types the perihal. Without this file the
// server-rendered suggestions for the service and the link to the FAQ search remain.
(function () {
  'use strict';
  var panel = document.querySelector('[data-kb-saran]');
  if (!panel) return;
  var input = document.querySelector('[name="' + panel.getAttribute('data-kb-input') + '"]');
  var list = document.getElementById('kb-saran-daftar');
  var empty = document.getElementById('kb-saran-kosong');
  var template = document.getElementById('kb-saran-butir');
  if (!input || !list || !template) return;
  var timer = null;
  var asked = input.value;

  function show(articles, perihal) {
    list.textContent = '';
    articles.forEach(function (a) {
      var item = template.content.firstElementChild.cloneNode(true);
      var link = item.querySelector('a');
      link.href = a.href;
      link.textContent = a.title;
      item.querySelector('p').textContent = a.snippet;
      item.querySelector('input[name=artikel]').value = a.slug;
      item.querySelector('input[name=perihal]').value = perihal;
      list.appendChild(item);
    });
    empty.hidden = articles.length > 0;
  }

  function ask() {
    var perihal = input.value.trim();
    if (perihal === asked) return;
    asked = perihal;
    fetch(panel.getAttribute('data-kb-saran') + '?q=' + encodeURIComponent(perihal), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (body) { if (body && asked === perihal) show(body.articles, perihal); })
      .catch(function () { /* suggestions are a help, never in the way of filing */ });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 300);
  });
})();
