/**
 * columnsToLoad (src/lib/views/sql-columns.ts): the columns the explorer loads for a query. The example questions of
 * /explore/, the benchmark's queries, stars in their forms, count(*), multiplication, comments and strings, quoted
 * identifiers, and the constructs that need every column.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/lib/views/explore.ts';
import { tableOf } from '../../src/lib/publish/schema.ts';
import { columnsToLoad } from '../../src/lib/views/sql-columns.ts';

const fields = (t: Parameters<typeof tableOf>[0]) => tableOf(t).fields.map((f) => f.name);
const RES = fields('resolutions');
const PROV = fields('provisions');

describe('columnsToLoad', () => {
  it('loads the columns a query names, in declared order', () => {
    expect(columnsToLoad('SELECT jurisdiction, n_measures FROM resolutions ORDER BY n_measures DESC LIMIT 10', RES)).toEqual(['jurisdiction', 'n_measures']);
    expect(columnsToLoad('select r.level, count(*) as n from resolutions r group by 1', RES)).toEqual(['level']);
  });

  it('loads every column for a star, not for count(*) or a product', () => {
    expect(columnsToLoad('SELECT * FROM resolutions', RES)).toEqual(RES);
    expect(columnsToLoad('SELECT r.* FROM resolutions r', RES)).toEqual(RES);
    expect(columnsToLoad('SELECT id, * EXCLUDE (title) FROM resolutions', RES)).toEqual(RES);
    expect(columnsToLoad('SELECT count(*) FROM resolutions', RES)).toEqual([RES[0]]);
    expect(columnsToLoad('SELECT n_measures * 2 FROM resolutions', RES)).toEqual(['n_measures']);
  });

  it('ignores names in comments and strings, reads quoted identifiers', () => {
    expect(columnsToLoad(`SELECT "end", start -- title\nFROM provisions WHERE text LIKE '%signer%' /* council */`, PROV)).toEqual(PROV.filter((f) => ['start', 'end', 'text'].includes(f)));
  });

  it('loads everything for constructs that need every column', () => {
    for (const sql of ['DESCRIBE resolutions', 'SUMMARIZE resolutions', 'SELECT * FROM resolutions NATURAL JOIN provisions', 'SELECT COLUMNS(\'n_.*\') FROM resolutions']) {
      expect(columnsToLoad(sql, RES)).toEqual(RES);
    }
  });

  it('loads fewer columns than the table has for every example question but the star ones', () => {
    for (const ex of EXAMPLES) {
      const cols = columnsToLoad(ex.sql, RES);
      if (/\*\s*FROM|select\s+\*/i.test(ex.sql)) continue;
      expect(cols.length).toBeLessThan(RES.length);
    }
  });
});
