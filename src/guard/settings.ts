/**
 * Registry settings: a value that is a registry host alone (`imageRepository: quay.io`,
 * `IMAGE_HOST ?= quay.io`, `--image-repository=quay.io`, `ImageRepository: "quay.io"`, a ClusterClass
 * variable's `default:`, a Helm README values table row). Many tools are configured with the host on
 * its own; missed, the migration looks finished while they still pull from the old registry.
 */

/**
 * Names of keys, flags, variables and constants that hold a registry or an image repository prefix
 * (imageRegistry, image-repository, IMAGE_REGISTRY_PREFIX, wantRegistry, IMAGE_HOST, HUB …).
 */
const SETTING_NAME =
  /(registr(y|ies)|image[-_.]?repo(sitory)?|repo(sitory)?[-_.]?(prefix|base)|image[-_.]?(host|prefix)|container[-_.]?host|(^|[-_.])hub$|^hub[-_.]|(^|[-_.])namespace$)/i;

/** An assignment or key right before the value: shell, Makefile, Dockerfile ARG/ENV, YAML, JSON, Go/TS/Python/Java. */
const ASSIGNED =
  /(?:^|[\s;,{(])(?:export\s+|ARG\s+|ENV\s+|override\s+|const\s+|let\s+|var\s+|final\s+|static\s+|(?:public|private|protected)\s+)*-?\s*["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*(?::?\s*[A-Za-z_][\w.<>[\]]*\s*)?(?:\?=|:=|::=|\+=|=|:)\s*["'`]?$/;
/** A command-line flag right before the value: `--image-repository=`, `--registry `. */
const FLAG = /(?:^|[\s"'[,])--?([A-Za-z][\w-]*)(?:=|\s+)["']?$/;

/** True when a name says it holds a registry (or a repository prefix), not an image. */
export const namesRegistry = (name: string): boolean =>
  SETTING_NAME.test(name) && !/tag|digest|pull[-_]?policy/i.test(name);

/**
 * The name of the key, flag, variable or constant whose value starts at `start` (a host written
 * alone there), looking at the text before it on its line; for a YAML or JSON-schema `default:`, the
 * variable or property it belongs to (a few lines up); for a Markdown table row, its first cell.
 */
export function settingName(source: string, lineStart: number, start: number): string | undefined {
  const before = source.slice(lineStart, start);
  if (/^\s*\|/.test(before)) {
    // A values table (helm-docs): | key | type | default | description |
    const key = /^\s*\|\s*`?([^|`]+?)`?\s*\|/.exec(before)?.[1];
    return key?.slice(key.lastIndexOf('.') + 1);
  }
  const flag = FLAG.exec(before)?.[1];
  if (flag !== undefined) return flag;
  const name = ASSIGNED.exec(before)?.[1];
  if (name === undefined) return undefined;
  if (!/^(default|example|value)$/i.test(name)) return name.slice(name.lastIndexOf('.') + 1);
  // `default:` in a JSON schema or a ClusterClass variable: the property or variable it defaults.
  if (/^\s*["']?default["']?\s*:/.test(before) || /[{,]\s*["']?default["']?\s*:/.test(before)) {
    const sameLine = /["']?([A-Za-z_][\w-]*)["']?\s*:\s*\{[^{}]*$/.exec(before)?.[1];
    if (sameLine) return sameLine;
    return owningName(source, lineStart);
  }
  return undefined;
}

/** The variable a `default:` line belongs to: the nearest `name: X` or `X:` key less indented, a few lines up. */
function owningName(source: string, lineStart: number): string | undefined {
  const indent = /^\s*/.exec(source.slice(lineStart, source.indexOf('\n', lineStart) >>> 0))![0].length;
  let end = lineStart - 1;
  for (let back = 0; back < 12 && end > 0; back++) {
    const start = source.lastIndexOf('\n', end - 1) + 1;
    const line = source.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    const named = /^\s*-?\s*["']?name["']?\s*:\s*["']?([A-Za-z_][\w.-]*)/.exec(line)?.[1];
    if (named && namesRegistry(named)) return named;
    const key = /^(\s*)-?\s*["']?([A-Za-z_][\w-]*)["']?\s*:\s*(?:\{\s*)?$/.exec(line);
    if (key && key[1]!.length < indent && namesRegistry(key[2]!)) return key[2];
  }
  return undefined;
}

/** Where a value written right after a host ends it: the host stands alone (an optional `/` after it). */
export function hostAlone(source: string, hostEnd: number): boolean {
  const rest = source.slice(hostEnd, hostEnd + 2);
  return /^\/?(?:$|[\s"'`,;)}\]|#]|\r)/.test(rest);
}
