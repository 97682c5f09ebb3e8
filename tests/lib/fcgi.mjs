// A minimal FastCGI client (responder role) for tests that talk to
// rempart-fcgi's socket directly, without nginx in between.
import net from 'node:net';

const VERSION = 1, BEGIN = 1, END = 3, PARAMS = 4, STDIN = 5, STDOUT = 6, STDERR = 7;

function record(type, id, body) {
  const pad = (8 - (body.length % 8)) % 8;
  const h = Buffer.alloc(8);
  h.writeUInt8(VERSION, 0);
  h.writeUInt8(type, 1);
  h.writeUInt16BE(id, 2);
  h.writeUInt16BE(body.length, 4);
  h.writeUInt8(pad, 6);
  return Buffer.concat([h, body, Buffer.alloc(pad)]);
}

function chunks(type, id, data) {
  const out = [];
  for (let off = 0; off < data.length; off += 65535) {
    out.push(record(type, id, data.subarray(off, off + 65535)));
  }
  out.push(record(type, id, Buffer.alloc(0)));
  return out;
}

function lengthBytes(n) {
  if (n < 128) return Buffer.from([n]);
  const b = Buffer.alloc(4);
  b.writeUInt32BE((n | 0x80000000) >>> 0);
  return b;
}

function encodeParams(params) {
  const parts = [];
  for (const [k, v] of Object.entries(params)) {
    const kb = Buffer.from(k), vb = Buffer.from(String(v));
    parts.push(lengthBytes(kb.length), lengthBytes(vb.length), kb, vb);
  }
  return Buffer.concat(parts);
}

// Build the CGI environment of a request as nginx would. Optional:
// remoteAddr (REMOTE_ADDR, default 127.0.0.1) and params (more CGI
// variables, e.g. { HTTPS: 'on' }).
export function cgiParams({ method = 'GET', uri = '/', headers = {}, body = null,
  remoteAddr = '127.0.0.1', params = {} }) {
  const q = uri.indexOf('?');
  const p = {
    REQUEST_METHOD: method,
    REQUEST_URI: uri,
    DOCUMENT_URI: q < 0 ? uri : uri.slice(0, q),
    QUERY_STRING: q < 0 ? '' : uri.slice(q + 1),
    SERVER_PROTOCOL: 'HTTP/1.1',
    REMOTE_ADDR: remoteAddr,
    REQUEST_ID: 'fcgi-test',
    ...params,
  };
  if (body !== null) {
    p.CONTENT_LENGTH = String(Buffer.byteLength(body));
    p.CONTENT_TYPE = headers['content-type'] || 'application/json';
  }
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === 'content-type') continue;
    p['HTTP_' + k.toUpperCase().replace(/-/g, '_')] = v;
  }
  return p;
}

// Open a connection and send the BEGIN and PARAMS records; the caller may
// then stall (to keep a worker busy) or finish with sendBody().
export function openRequest(socketPath, params) {
  const sock = net.connect(socketPath);
  const id = 1;
  const begin = Buffer.alloc(8);
  begin.writeUInt16BE(1, 0); // responder
  sock.write(record(BEGIN, id, begin));
  for (const r of chunks(PARAMS, id, encodeParams(params))) sock.write(r);
  let buf = Buffer.alloc(0);
  const done = new Promise((resolve, reject) => {
    let stdout = Buffer.alloc(0);
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 8) {
        const len = buf.readUInt16BE(4), pad = buf.readUInt8(6), type = buf.readUInt8(1);
        if (buf.length < 8 + len + pad) break;
        const body = buf.subarray(8, 8 + len);
        if (type === STDOUT) stdout = Buffer.concat([stdout, body]);
        if (type === END) {
          sock.end();
          resolve(parseResponse(stdout));
        }
        buf = buf.subarray(8 + len + pad);
      }
    });
    sock.on('error', reject);
    sock.on('close', () => reject(new Error('connection closed before the end of the response')));
  });
  done.catch(() => {});
  return {
    sendBody(body = '') {
      for (const r of chunks(STDIN, id, Buffer.from(body))) sock.write(r);
    },
    response: done,
    destroy() { sock.destroy(); },
  };
}

function parseResponse(raw) {
  const text = raw.toString('utf8');
  const sep = text.indexOf('\r\n\r\n');
  const head = sep < 0 ? text : text.slice(0, sep);
  const headers = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const status = Number((headers.status || '200').split(' ')[0]);
  return { status, headers, body: sep < 0 ? '' : text.slice(sep + 4) };
}

// One whole request; resolves with { status, headers, body }.
export async function fcgiRequest(socketPath, opts, timeoutMs = 30000) {
  const r = openRequest(socketPath, cgiParams(opts));
  r.sendBody(opts.body ?? '');
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => { r.destroy(); reject(new Error('FastCGI request timed out')); }, timeoutMs);
  });
  try {
    return await Promise.race([r.response, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
