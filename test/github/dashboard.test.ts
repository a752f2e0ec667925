import {
  DASHBOARD_MARKER,
  dashboardBody,
  ISSUE_BODY_LIMIT,
  parseDashboardTarget,
} from '../../src/github/dashboard.js';

describe('--dashboard targets', () => {
  const env = { GITHUB_REPOSITORY: 'acme/platform' };

  test('owner/repo#N, #N, owner/repo:Title and a bare title', () => {
    expect(parseDashboardTarget('acme/ops#12', {})).toEqual({ owner: 'acme', repo: 'ops', number: 12 });
    expect(parseDashboardTarget('#7', env)).toEqual({ owner: 'acme', repo: 'platform', number: 7 });
    expect(parseDashboardTarget('acme/ops:Registry migration', {})).toEqual({
      owner: 'acme',
      repo: 'ops',
      title: 'Registry migration',
    });
    expect(parseDashboardTarget('Registry migration: week 3', env)).toEqual({
      owner: 'acme',
      repo: 'platform',
      title: 'Registry migration: week 3',
    });
  });

  test('without a repository to put it in, a title is bad input', () => {
    expect(() => parseDashboardTarget('Registry migration', {})).toThrow('GITHUB_REPOSITORY is not set');
    expect(() => parseDashboardTarget('#3', {})).toThrow('name the repository');
  });

  test('the body carries the marker and is cut to GitHub’s limit', () => {
    expect(dashboardBody('hello')).toBe(`${DASHBOARD_MARKER}\n\nhello`);
    const long = dashboardBody('x'.repeat(ISSUE_BODY_LIMIT * 2));
    expect(long.length).toBe(ISSUE_BODY_LIMIT);
    expect(long).toContain('cut to GitHub’s issue size limit');
  });
});
