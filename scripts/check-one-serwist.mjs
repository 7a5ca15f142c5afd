// Fails when more than one copy of serwist is installed. With two (e.g. @serwist/turbopack
// bringing its own beside the app's), the worker's `fallbacks` silently stop working: the
// fallback plugin only attaches to strategies of its own copy. Run by `npm test` before vitest.
import { execFileSync } from 'node:child_process';

const nodes = JSON.parse(execFileSync('npm', ['query', '#serwist'], { encoding: 'utf8' }));
const copies = nodes.map((n) => `${n.version}  ${n.path}`);
if (copies.length !== 1) {
  console.error(`Expected one copy of serwist, found ${copies.length}:\n  ${copies.join('\n  ')}`);
  console.error('Pin "serwist" to the version @serwist/turbopack depends on (npm view @serwist/turbopack@<version> dependencies).');
  process.exit(1);
}
console.log(`One copy of serwist: ${copies[0]}`);
