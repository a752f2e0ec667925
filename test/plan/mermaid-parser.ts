/**
 * GitHub's renderer, in the test suite: the real `mermaid` package parses every diagram cutover
 * writes. It runs in a child Node process (test/plan/mermaid-parse.mjs), because Jest's module
 * loader cannot load jsdom, which Mermaid's sanitizer needs. Missing packages fail the test loudly
 * with the command that installs them; nothing is skipped.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../harness/cli.js';

/** Mermaid's default `maxTextSize`: GitHub refuses longer diagram text. */
export const MERMAID_MAX_TEXT = 50_000;

/** What the real parser said about one diagram. */
export interface MermaidVerdict {
  ok: boolean;
  type?: string;
  error?: string;
}

/** Parses diagrams with the real Mermaid parser, one verdict per diagram. */
export function parseMermaid(diagrams: string[]): MermaidVerdict[] {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'test/plan/mermaid-parse.mjs')], {
    input: JSON.stringify(diagrams),
    encoding: 'utf8',
    cwd: ROOT,
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`the Mermaid parser failed (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as MermaidVerdict[];
}

/** The ```mermaid blocks of a Markdown text, without their fences. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1]!);
}
