import { mermaidErrors, parseAllMermaid } from './mermaid.js';

describe('the Mermaid parser the diagram tests rely on', () => {
  test('accepts a flowchart and rejects broken syntax and the edge limit, as GitHub does', async () => {
    const chain = Array.from({ length: 501 }, (_, index) => `  n${index} --> n${index + 1}`).join('\n');
    const [good, broken, tooMany] = await mermaidErrors([
      'flowchart LR\n  a["A"] --> b["B"]\n',
      'flowchart LR\n  a -->> b[',
      `flowchart LR\n${chain}\n`,
    ]);
    expect(good).toBeUndefined();
    expect(broken).toMatch(/Parse error/);
    expect(tooMany).toMatch(/Edge limit exceeded/);
    await expect(parseAllMermaid('text\n```mermaid\nflowchart LR\n  a --> b\n```\n')).resolves.toBe(1);
    await expect(parseAllMermaid('```mermaid\nflowchart LR\n  a -->> b[\n```\n')).rejects.toThrow(
      /block 1 of 1 does not parse/,
    );
  });
});
