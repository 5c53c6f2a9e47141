'use strict';
// Request bodies the bench sends: a harmless PDF of a given size, and a multipart body around files.

/** A structurally complete PDF of about `size` bytes (padding in a comment), nothing active in it. */
function pdf(size) {
  const head = '%PDF-1.4\n';
  const body = '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n';
  const tail = `xref\n0 1\n0000000000 65535 f \ntrailer<</Size 3/Root 1 0 R>>\nstartxref\n${head.length}\n%%EOF\n`;
  const pad = Math.max(0, size - head.length - body.length - tail.length - 2);
  return Buffer.from(`${head}%${'x'.repeat(pad)}\n${body}${tail}`, 'latin1');
}

function multipart(fields, files) {
  const boundary = `----loketbench${Date.now()}`;
  const parts = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const [k, buf] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${k}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      buf,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

module.exports = { pdf, multipart };
