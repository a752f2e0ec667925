// Runs one benchmark, or all: `npm run bench -- copy-tags`. Benchmarks are TypeScript in bench/,
// compiled with the rest of the project; each prints its figures and ratios against the peer tool.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
const available = readdirSync(path.join(root, 'bench'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.slice(0, -3));
const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!available.includes(name)) {
    console.error(`unknown benchmark "${name}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
}
for (const name of wanted.length ? wanted : available) {
  console.log(`\n## bench ${name}\n`);
  const module = await import(pathToFileURL(path.join(root, 'lib/bench', `${name}.js`)).href);
  await module.main();
}
