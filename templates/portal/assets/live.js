// Live queue and ticket pages (Server-Sent Events from /langsung). Without it the pages still work.
(function () {
  'use strict';
  var queue = document.querySelector('[data-live="antrian"]');
  var onTicket = /^\/tiket\/([0-9a-f-]{36})$/.exec(location.pathname);
  if (!window.EventSource || !window.fetch || (!queue && !onTicket)) return;
  var fetching = false;

  // A polite note instead of a reload, when reloading would lose what the person is doing.
  function notice(text) {
    if (document.getElementById('langsung-catatan')) return;
    var box = document.createElement('div');
    box.id = 'langsung-catatan';
    box.className = 'alert alert-info live-notice';
    box.setAttribute('role', 'status');
    var p = document.createElement('p');
    p.textContent = text + ' ';
    var link = document.createElement('a');
    link.href = location.pathname === '/antrian/cari' ? '/antrian' : location.href;
    link.textContent = 'Muat ulang';
    p.appendChild(link);
    box.appendChild(p);
    var main = document.getElementById('isi');
    main.insertBefore(box, main.firstChild);
  }

  function busy() {
    var active = document.activeElement;
    return document.querySelector('input[name=tiket]:checked') || (active && active.form && active.value);
  }

  // Swaps the tabs (counts) and the list for fresh ones from the same address.
  function refreshQueue() {
    if (location.pathname !== '/antrian' || busy()) return notice('Antrian berubah.');
    if (fetching) return;
    fetching = true;
    fetch(location.href, { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, 'text/html');
      ['[data-live="antrian"]', '#antrian-hasil'].forEach(function (sel) {
        var now = document.querySelector(sel);
        var next = fresh.querySelector(sel);
        if (now && next) now.replaceWith(document.importNode(next, true));
      });
      document.body.setAttribute('data-diperbarui', String(Date.now()));
    }).catch(function () { notice('Antrian berubah.'); }).then(function () { fetching = false; });
  }

  var source = new EventSource('/langsung');
  source.addEventListener('ticket', function (e) {
    var change = JSON.parse(e.data);
    if (queue) refreshQueue();
    else if (change.ticketId === onTicket[1]) notice('Tiket ini baru saja diubah.');
  });
})();
