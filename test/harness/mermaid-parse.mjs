// Parses Mermaid diagrams with the real `mermaid` package (what GitHub renders with), outside Jest:
// Mermaid and jsdom are ESM packages that Jest's module loader cannot require. Reads a JSON array of
// diagram texts on stdin and prints a JSON array of results: null when a diagram parses, else Mermaid's
// own message (syntax errors, "Edge limit exceeded" — Mermaid's default limits apply, as on GitHub).
import { JSDOM } from 'jsdom';

// Mermaid sanitises labels with DOMPurify, which needs a DOM.
const { window } = new JSDOM('');
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import('mermaid');

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const diagram of JSON.parse(input)) {
  try {
    await mermaid.parse(diagram);
    results.push(null);
  } catch (error) {
    results.push(String(error?.message ?? error));
  }
}
process.stdout.write(JSON.stringify(results));
