/**
 * The plan for a terminal or a CI log: a headline, the blocking cycles, then the waves as counts
 * with their first names — short lines whatever the size of the organisation.
 */
import { painter } from '../shared/colour.js';
import { plural } from '../shared/markdown.js';
import type { Plan } from './plan.js';
import { cyclesByUrgency, planHeadline } from './render.js';

/** Names shown per wave unless `verbose`. */
export const NAMES_PER_WAVE = 5;

/** Options of {@link planText}. */
export interface PlanTextOptions {
  /** Every repository of every wave instead of the first few. */
  verbose: boolean;
  colour: boolean;
  source: string;
}

/** The plan as lines of text. */
export function planText(plan: Plan, options: PlanTextOptions): string[] {
  const paint = painter(options.colour);
  const lines = [paint('bold', `plan of ${options.source}: ${planHeadline(plan)}`)];
  const cycles = cyclesByUrgency(plan);
  const blocking = cycles.filter((cycle) => cycle.kind === 'blocking');
  if (blocking.length > 0) {
    lines.push('', paint('red', `${plural(blocking.length, 'blocking cycle')} (decide before the wave):`));
    for (const cycle of blocking) {
      const wave = plan.repos.get(cycle.repos[0]!)!.wave;
      lines.push(`  ${paint('red', '●')} wave ${wave}: ${cycle.explanation.replace(/`/g, '')}`);
    }
  }
  lines.push('', paint('bold', 'waves:'));
  for (const wave of plan.waves) {
    const names = wave.repos.map((repo) => (repo.blocked ? paint('red', repo.repo) : repo.repo));
    const shown = options.verbose ? names : names.slice(0, NAMES_PER_WAVE);
    const more = names.length - shown.length;
    lines.push(
      `  wave ${wave.wave}: ${plural(wave.repos.length, 'repository', 'repositories')}` +
        (wave.copy.length ? ` (copy first: ${plural(wave.copy.length, 'tag')})` : '') +
        ` — ${shown.join(', ')}${more > 0 ? paint('dim', ` … and ${more} more`) : ''}`,
    );
  }
  const pinned = cycles.length - blocking.length;
  if (pinned > 0)
    lines.push(
      '',
      paint(
        'green',
        `${plural(pinned, 'pinned cycle')}: copy-tags breaks ${pinned === 1 ? 'it' : 'them'} (see --json or --summary)`,
      ),
    );
  if (!options.verbose && plan.waves.some((wave) => wave.repos.length > NAMES_PER_WAVE))
    lines.push('', paint('dim', '(--verbose lists every repository)'));
  return lines;
}
