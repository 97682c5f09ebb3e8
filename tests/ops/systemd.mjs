// The systemd units (conf/rempart.service.in, conf/rempart.socket): the
// hardening keeps `systemd-analyze security` in its "OK" range or better
// (exposure <= 4.9; docs/operations.md records the score), reload is
// SIGHUP, logs go to the journal. Uses the offline analyzer, so it needs no
// running systemd; skipped where systemd-analyze is missing.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SRCDIR, BUILDDIR } from '../lib/stack.mjs';

const analyzer = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
const haveAnalyzer = analyzer.status === 0;
const unit = fs.readFileSync(path.join(BUILDDIR, 'conf/rempart.service'), 'utf8');
const socket = fs.readFileSync(path.join(SRCDIR, 'conf/rempart.socket'), 'utf8');

// "Key=value" lines of a unit, the last one of each key winning.
function keys(text) {
  const k = {};
  for (const line of text.split('\n')) {
    const m = line.match(/^([A-Za-z]+)=(.*)$/);
    if (m) (k[m[1]] ||= []).push(m[2]);
  }
  return k;
}

test('rempart.service: unprivileged, socket-activated, SIGHUP reload, journal', () => {
  const k = keys(unit);
  assert.deepEqual(k.User, ['rempart']);
  assert.deepEqual(k.Requires, ['rempart.socket']);
  assert.match(k.ExecStart[0], /\/rempart-fcgi -c \S+\/rempart\/rempart\.conf$/);
  assert.deepEqual(k.ExecReload, ['/bin/kill -HUP $MAINPID']);
  assert.deepEqual(k.StandardError, ['journal']);
  for (const [key, want] of Object.entries({
    ProtectSystem: 'strict', NoNewPrivileges: 'yes', PrivateTmp: 'yes', ProtectHome: 'yes',
    CapabilityBoundingSet: '', RestrictAddressFamilies: 'AF_UNIX AF_INET AF_INET6',
  })) assert.deepEqual(k[key], [want], key);
  assert.ok((k.SystemCallFilter || []).includes('@system-service'), 'SystemCallFilter');
  const s = keys(socket);
  assert.deepEqual(s.ListenStream, ['/run/rempart/rempart.sock']);
  assert.deepEqual(s.SocketMode, ['0660']);
});

test('systemd-analyze security rates rempart.service OK or better (<= 4.9)', { skip: !haveAnalyzer && 'systemd-analyze not installed' }, () => {
  // The offline analyzer wants the file under its unit name.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-unit-'));
  try {
    const file = path.join(dir, 'rempart.service');
    fs.writeFileSync(file, unit);
    const r = spawnSync('systemd-analyze', ['security', '--offline=yes', '--no-pager', file], { encoding: 'utf8' });
    const out = `${r.stdout}\n${r.stderr}`;
    const m = out.match(/Overall exposure level for rempart\.service: ([0-9.]+) (\S+)/);
    assert.ok(m, `no score in the output:\n${out.slice(-2000)}`);
    const score = Number(m[1]);
    console.log(`# systemd-analyze security: ${score} ${m[2]}`);
    assert.ok(score <= 4.9, `exposure ${score} ${m[2]} is above the OK range`);
    assert.match(m[2], /^(OK|SAFE)$/);
    // The same with the threshold option, where it exists (systemd >= 250).
    const t = spawnSync('systemd-analyze', ['security', '--offline=yes', '--threshold=49', '--no-pager', file], { encoding: 'utf8' });
    assert.equal(t.status, 0, `--threshold=49: ${t.stderr}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
