import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  DocumentFormat,
  EvidenceFormat,
  EvidenceRecord,
  LineFormat,
} from '../../../src/pulls/evidence.js';

/** The path of a fixture under test/fixtures/pulls/. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/pulls/${name}`, import.meta.url));
}

/** The first (at most 20) non-empty lines of a file, as the evidence reader hands them to `sniff`. */
export function headOf(name: string): string[] {
  return readFileSync(fixturePath(name), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .slice(0, 20);
}

/** The fixture parsed as one JSON document, or undefined when it is not one. */
export function documentOf(name: string): unknown {
  try {
    return JSON.parse(readFileSync(fixturePath(name), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Whether a format claims a fixture, whichever its style. */
export function claims(format: EvidenceFormat, name: string): boolean {
  if (format.style === 'lines') return format.sniff(headOf(name), fixturePath(name));
  const document = documentOf(name);
  return document !== undefined && format.sniff(document, fixturePath(name));
}

/** Reads a fixture line by line as the evidence reader does: records, and the reasons of skipped lines. */
export function readLines(
  format: LineFormat,
  name: string,
): { records: EvidenceRecord[]; problems: string[] } {
  const parse = format.open(fixturePath(name));
  const records: EvidenceRecord[] = [];
  const problems: string[] = [];
  readFileSync(fixturePath(name), 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim().length === 0) return;
      try {
        records.push(...parse(line));
      } catch (error) {
        problems.push(`line ${index + 1}: ${(error as Error).message}`);
      }
    });
  return { records, problems };
}

/** Reads a fixture as one document. */
export function readDocument(format: DocumentFormat, name: string) {
  return format.read(documentOf(name), fixturePath(name));
}

/** The fixtures' digests are sha256 of a label: this is how a test names one. */
export function digestOf(label: string): string {
  return `sha256:${createHash('sha256').update(label).digest('hex')}`;
}

/** A pull record in one line, for readable expectations: `time registry/repository:tag@digest …`. */
export function describePull(record: EvidenceRecord): string {
  if (record.type !== 'pull') throw new Error('expected a pull record');
  const time = record.time === undefined ? '-' : new Date(record.time).toISOString();
  const where = `${record.registry === undefined ? '' : `${record.registry}/`}${record.repository}`;
  const what = `${record.tag === undefined ? '' : `:${record.tag}`}${record.digest === undefined ? '' : `@${record.digest}`}`;
  const rest = [record.method, record.status, record.agent, record.identity, record.address].map((part) =>
    part === undefined ? '-' : String(part),
  );
  return [time, `${where}${what}`, ...rest].join(' | ');
}
