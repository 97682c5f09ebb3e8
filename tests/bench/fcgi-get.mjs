// `make bench` helper: GET one URI COUNT times, one after another, straight
// on a rempart-fcgi socket (no nginx), with a cookie; fails unless every
// answer is 200. Used to feed a worker run under callgrind.
//   node tests/bench/fcgi-get.mjs SOCKET URI COUNT [COOKIE]
import { fcgiRequest } from '../lib/fcgi.mjs';

const [socket, uri, count, cookie] = process.argv.slice(2);
const n = Number(count);
if (!socket || !uri || !Number.isInteger(n) || n < 1) {
  console.error('usage: fcgi-get.mjs SOCKET URI COUNT [COOKIE]');
  process.exit(2);
}
for (let i = 0; i < n; i++) {
  const r = await fcgiRequest(socket, { uri, headers: cookie ? { Cookie: cookie } : {} }, 120000);
  if (r.status !== 200) {
    console.error(`GET ${uri}: ${r.status}`);
    process.exit(1);
  }
}
