/**
 * Which columns of a published table a SQL query needs, so the explorer (src/client/duckdb.ts) loads only those
 * column chunks of the table's Parquet file by HTTP range requests instead of the whole file. Pure: the query text
 * and the table's declared columns in, the columns to load out. Errs towards loading more: any star, NATURAL JOIN or
 * table-wide command loads every column, and a name that is not a column costs only bytes.
 */

const WHOLE_TABLE = new Set(['natural', 'describe', 'summarize', 'show', 'pragma', 'pivot', 'unpivot', 'columns', 'information_schema', 'duckdb_columns']);

/**
 * The columns of a table to load for a query, in declared order: those whose names the query mentions (outside
 * comments and string literals, without case), or every column when it selects a star (`*`, `t.*`; `count(*)` is
 * not one) or uses a construct that needs them all (NATURAL JOIN, DESCRIBE, SUMMARIZE, COLUMNS(…), PIVOT …). A
 * named table none of whose columns is mentioned (`SELECT count(*) FROM t`) gets its first column, for its rows.
 * Mentioning a name that is not this table's column only loads it needlessly; the explorer reloads the whole table
 * if DuckDB still reports a missing column. Loading fewer columns is what lets the browser fetch only parts of a
 * Parquet file (its column chunks, by HTTP range requests).
 */
export function columnsToLoad(sql: string, fields: readonly string[]): string[] {
  const names = new Set<string>();
  const significant: string[] = [];
  const token = /--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'?|"((?:[^"]|"")*)"?|([A-Za-z_][A-Za-z0-9_$]*)|(\S)/g;
  let star = false;
  for (const m of sql.matchAll(token)) {
    let t: string;
    if (m[1] !== undefined) t = m[1].replace(/""/g, '"').toLowerCase();
    else if (m[2] !== undefined) t = m[2].toLowerCase();
    else if (m[3] !== undefined) t = m[3];
    else continue;
    if (t === '*') {
      const [prev, before] = [significant[significant.length - 1], significant[significant.length - 2]];
      const isCount = prev === '(' && before === 'count';
      if (!isCount && (prev === undefined || ['select', 'distinct', 'all', ',', '.', '('].includes(prev))) star = true;
    }
    if (m[3] === undefined) names.add(t);
    significant.push(t);
  }
  if (star || [...WHOLE_TABLE].some((w) => names.has(w))) return [...fields];
  const used = fields.filter((f) => names.has(f.toLowerCase()));
  return used.length ? used : fields.slice(0, 1);
}
