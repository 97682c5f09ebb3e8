// Helpers of the deliverables' tests (issue 14): binary downloads with a
// Client's cookies, logos made byte by byte, and the readers of a PDF
// (pdftotext, pdffonts, pdfimages) and of a DOCX (python3-docx).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

// GET (or another method) with the client's session; the body as a Buffer.
export async function fetchBytes(baseUrl, client, method, p, { body, contentType } = {}) {
  const headers = {};
  if (client.cookies.size) headers.cookie = client.cookieHeader();
  if (!['GET', 'HEAD'].includes(method) && client.csrf) headers['x-csrf-token'] = client.csrf;
  if (contentType) headers['content-type'] = contentType;
  const res = await fetch(baseUrl + p, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(60000) });
  const buf = Buffer.from(await res.arrayBuffer());
  const h = {};
  for (const [k, v] of res.headers) h[k] = v;
  let json = null;
  try { json = JSON.parse(buf.toString('utf8')); } catch { /* not JSON */ }
  return { status: res.status, headers: h, body: buf, json };
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

export const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// An RGB PNG of w × h pixels of one colour; extra chunks before IDAT, and
// a declared size that may differ from the pixels given.
export function makePng(w, h, { rgb = [30, 80, 160], declare, extra = [] } = {}) {
  const [dw, dh] = declare || [w, h];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(dw, 0);
  ihdr.writeUInt32BE(dh, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const row = Buffer.alloc(1 + 3 * w);
  for (let x = 0; x < w; x++) row.set(rgb, 1 + 3 * x);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([PNG_SIG, chunk('IHDR', ihdr), ...extra.map(([t, d]) => chunk(t, Buffer.from(d))),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
export const textChunk = (text) => ['tEXt', Buffer.from(`Comment\0${text}`, 'latin1')];

// A 16 × 16 red JPEG (baseline, made once with a JPEG encoder).
export const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAQABADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDgKKKK+eP2E//Z', 'base64');

// The same JPEG declaring w × h pixels in its frame header (SOF0).
export function jpegDeclaring(w, h) {
  const b = Buffer.from(JPEG);
  for (let i = 2; i < b.length - 9; i++) {
    if (b[i] === 0xff && b[i + 1] === 0xc0) {
      b.writeUInt16BE(h, i + 5);
      b.writeUInt16BE(w, i + 7);
      return b;
    }
  }
  throw new Error('no SOF0');
}

function tmpFile(buf, ext) {
  const f = path.join(os.tmpdir(), `rempart-deliv-${process.pid}-${Math.random().toString(36).slice(2)}.${ext}`);
  fs.writeFileSync(f, buf);
  return f;
}

// Text of a PDF, whitespace folded to single spaces.
export function pdfText(buf) {
  const f = tmpFile(buf, 'pdf');
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally { fs.unlinkSync(f); }
}

// pdffonts' rows: [{name, emb}] (emb: "yes"/"no").
export function pdfFonts(buf) {
  const f = tmpFile(buf, 'pdf');
  try {
    const out = execFileSync('pdffonts', [f], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    return out.map((l) => {
      const cols = l.trim().split(/\s+/);
      return { name: cols[0], emb: cols[cols.length - 5] };
    });
  } finally { fs.unlinkSync(f); }
}

export function pdfImageCount(buf) {
  const f = tmpFile(buf, 'pdf');
  try {
    return execFileSync('pdfimages', ['-list', f], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).length;
  } finally { fs.unlinkSync(f); }
}

// A DOCX read by python3-docx (Debian's, so /usr/bin/python3): its
// headings [{style, text}], its Title, its tables' count and its images.
export function docxOutline(buf) {
  const f = tmpFile(buf, 'docx');
  const script = `
import json, sys, docx
d = docx.Document(sys.argv[1])
print(json.dumps({
  "headings": [{"style": p.style.name, "text": p.text} for p in d.paragraphs if p.style.name.startswith("Heading")],
  "title": [p.text for p in d.paragraphs if p.style.name == "Title"],
  "tables": len(d.tables),
  "cells": [c.text for t in d.tables for r in t.rows for c in r.cells],
  "images": len(d.inline_shapes),
}))`;
  try {
    return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, f], { encoding: 'utf8' }));
  } finally { fs.unlinkSync(f); }
}

// LibreOffice, when installed (Debian libreoffice-writer-nogui; not a
// required test package: it is large): the DOCX converted to PDF headless
// with a throw-away profile, and that PDF's text. null without soffice.
export function hasSoffice() {
  try {
    execFileSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' });
    return true;
  } catch { return false; }
}
export function docxThroughLibreOffice(buf) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rempart-lo-'));
  try {
    const f = path.join(dir, 'report.docx');
    fs.writeFileSync(f, buf);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf',
      '--outdir', dir, f], { stdio: 'ignore', timeout: 120000 });
    return pdfText(fs.readFileSync(path.join(dir, 'report.pdf')));
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}
