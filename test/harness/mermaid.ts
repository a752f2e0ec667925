import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PARSER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'mermaid-parse.mjs');

/** Every ```mermaid block of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/**
 * Parses diagrams with the real Mermaid parser (npm `mermaid` in a Node child process, see
 * mermaid-parse.mjs) and returns, for each, undefined when it parses or Mermaid's error message.
 */
export function mermaidErrors(diagrams: string[]): Promise<(string | undefined)[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [PARSER],
      { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `the Mermaid parser did not run (${error.message.trim()}): ${stderr.trim()}; install the test dependencies with: npm install`,
            ),
          );
          return;
        }
        resolve((JSON.parse(stdout) as (string | null)[]).map((result) => result ?? undefined));
      },
    );
    child.stdin?.end(JSON.stringify(diagrams));
  });
}

/** Parses every Mermaid block of `markdown`; resolves to how many there were, rejects naming the first bad one. */
export async function parseAllMermaid(markdown: string): Promise<number> {
  const blocks = mermaidBlocks(markdown);
  const errors = await mermaidErrors(blocks);
  const bad = errors.findIndex((error) => error !== undefined);
  if (bad >= 0)
    throw new Error(`mermaid block ${bad + 1} of ${blocks.length} does not parse: ${errors[bad]}`);
  return blocks.length;
}
