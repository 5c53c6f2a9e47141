// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Ask before destructive actions (cancel, reject, deactivate).
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) { e.preventDefault(); return; }
    // A preview opening in another tab (formtarget) leaves this page as it was.
    if (e.submitter && e.submitter.getAttribute('formtarget')) return;
    // One submission per click: a second click while the first uploads would only wait again.
    var buttons = form.querySelectorAll('button[type=submit]');
    setTimeout(function () { buttons.forEach(function (b) { b.disabled = true; }); }, 0);
  });
  // Check a chosen file against the limit shown beside it, before anything is uploaded.
  document.addEventListener('change', function (e) {
    var input = e.target;
    if (!input.matches || !input.matches('input[type=file][data-max-bytes]')) return;
    var max = Number(input.getAttribute('data-max-bytes'));
    var note = document.getElementById(input.id + '-cek');
    var file = input.files && input.files[0];
    var tooBig = file && file.size > max;
    input.setCustomValidity(tooBig ? 'Ukuran berkas melebihi batas.' : '');
    input.setAttribute('aria-invalid', tooBig ? 'true' : 'false');
    if (note) note.textContent = tooBig ? 'Berkas ' + file.name + ' terlalu besar (' + Math.ceil(file.size / 1024) + ' KB); batasnya ' + Math.floor(max / 1024) + ' KB.' : '';
  });
  // The ticket composer: show only the chosen action's fields (without this file all of them show, grouped).
  function showChosenAction(form) {
    var chosen = form.querySelector('input[name=aksi]:checked');
    form.querySelectorAll('.action-fields[data-aksi]').forEach(function (set) {
      set.hidden = !chosen || set.getAttribute('data-aksi') !== chosen.value;
    });
  }
  document.querySelectorAll('form[data-composer]').forEach(function (form) {
    showChosenAction(form);
    form.addEventListener('change', function (e) { if (e.target.name === 'aksi') showChosenAction(form); });
  });
})();
