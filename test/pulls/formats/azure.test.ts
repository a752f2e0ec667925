import { describe, expect, test } from '@jest/globals';
import { azureCsvFormat, azureJsonFormat } from '../../../src/pulls/formats/azure.js';
import { describePull, digestOf, readDocument, readLines } from './fixtures.js';

// ContainerRegistryRepositoryEvents (https://learn.microsoft.com/azure/azure-monitor/reference/tables/containerregistryrepositoryevents;
// collected per https://learn.microsoft.com/azure/container-registry/monitor-service): the portal's
// Logs → Export → CSV (all columns, `TimeGenerated [UTC]`, a byte-order mark, CRLF) and the rows of
// `az monitor log-analytics query`.
describe('Azure ContainerRegistryRepositoryEvents', () => {
  const host = 'acmeold.azurecr.io';
  const expected = [
    `2026-11-30T08:15:02.431Z | ${host}/payments/api:2.4.1@${digestOf('acr payments/api:2.4.1')} | - | 200 | - | 00000000-0000-0000-0000-000000000000 | 10.20.1.11`,
    `2026-11-30T08:15:02.918Z | ${host}/payments/api@${digestOf('acr payments/api:2.3.0')} | - | 200 | - | ci-bot | 52.178.10.4`,
    `2026-11-30T13:02:17.500Z | ${host}/batch/report:1.8.0@${digestOf('acr batch/report:1.8.0')} | - | 200 | - | aks-agentpool-identity | 10.20.2.30`,
    `2026-11-30T13:05:00.000Z | ${host}/batch/report:9.9.9 | - | 404 | - | aks-agentpool-identity | 10.20.2.30`,
  ];

  test('Pull rows of the CSV export, pushes passed over, times in UTC from the 12-hour clock', () => {
    const { records, problems } = readLines(azureCsvFormat, 'azure-acr-export.csv');
    expect(problems).toEqual([]);
    expect(records.map(describePull)).toEqual(expected);
  });

  test('the same rows from the query API', () => {
    const { records, skipped } = readDocument(azureJsonFormat, 'azure-acr-query.json');
    expect(skipped).toBe(0);
    expect(records.map(describePull)).toEqual(expected);
  });

  test('a row with a broken quote is a line problem, the next rows still read', () => {
    const parse = azureCsvFormat.open('x.csv');
    parse('TimeGenerated [UTC],OperationName,LoginServer,Repository,Tag');
    expect(() => parse('"11/30/2026, 8:15:02.431 AM,Pull,acmeold.azurecr.io,api,1')).toThrow(
      'unterminated quoted field at column 1',
    );
    expect(parse('"11/30/2026, 8:15:02.431 AM",Pull,acmeold.azurecr.io,api,1').length).toBe(1);
  });
});
