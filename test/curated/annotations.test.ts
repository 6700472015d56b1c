/**
 * The one reader of data/curated/annotations.csv: what it accepts and every problem it names.
 */
import { describe, expect, it } from 'vitest';
import { parseAnnotations } from '../../src/lib/curated/annotations.ts';

describe('parseAnnotations', () => {
  it('reads codes, empty judgements, quoted notes, BOM and CRLF', () => {
    const text = '\uFEFFresolution_id,provision_id,codes,confidence,note\r\nr,dieu-1,,high,"Scope, no measure"\r\nr,dieu-2,M1;X2,low,\r\n';
    expect(parseAnnotations(text)).toEqual({
      annotations: [
        { resolution_id: 'r', provision_id: 'dieu-1', codes: [], confidence: 'high', note: 'Scope, no measure' },
        { resolution_id: 'r', provision_id: 'dieu-2', codes: ['M1', 'X2'], confidence: 'low', note: null },
      ],
      problems: [],
    });
  });
  it('reports a wrong header, repeated provisions and malformed codes', () => {
    expect(parseAnnotations('a,b\n1,2\n').problems[0]).toMatch(/header must be resolution_id,provision_id,codes,confidence,note/);
    const bad = parseAnnotations('resolution_id,provision_id,codes,confidence,note\nr,d,M1,high,\nr,d,M2,high,\nr,e,M1 M2,high,\n');
    expect(bad.problems).toEqual(['row 3: r d is annotated twice', "row 4: codes must be ';'-joined codes, found 'M1 M2'"]);
    expect(parseAnnotations('resolution_id,provision_id,codes,confidence,note\nr,d,M9,sure,\n').problems).toEqual([
      'row 2: unknown code M9; expected one of M1, M2, M3, M4, M5, X1, X2',
      'row 2: confidence must be high, medium or low',
    ]);
  });
});

