// Parses Mermaid diagrams with the real `mermaid` package (in a jsdom window, which its sanitizer
// needs), outside Jest's module loader, which cannot load jsdom's ES modules. Reads a JSON array of
// diagram texts on stdin; writes a JSON array of {ok, type?, error?} on stdout.
let mermaid;
try {
  const { JSDOM } = await import('jsdom');
  const { window } = new JSDOM('');
  Object.assign(globalThis, { window, document: window.document });
  mermaid = (await import('mermaid')).default;
} catch (error) {
  process.stderr.write(
    `the Mermaid parser is not installed (${error.message}): run \`npm install --save-dev mermaid jsdom\`\n`,
  );
  process.exit(3);
}
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const results = [];
for (const text of JSON.parse(Buffer.concat(chunks).toString('utf8'))) {
  try {
    const parsed = await mermaid.parse(text);
    results.push({ ok: true, type: parsed.diagramType });
  } catch (error) {
    results.push({ ok: false, error: String(error.message ?? error).slice(0, 500) });
  }
}
process.stdout.write(JSON.stringify(results));
