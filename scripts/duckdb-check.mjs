#!/usr/bin/env node
// duckdb-check.mjs: an independent read-back of a drishti run's reports with DuckDB.
//
//   node scripts/duckdb-check.mjs OUT_DIR [--docs docs/reports.md] [--allow-empty hits,trends]
//
// Run it from the repository root, or anywhere with --docs. The script may be copied next to
// a node_modules holding @duckdb/node-api, or @duckdb/node-api may be found through NODE_PATH.
//
// It reads the expected columns and DuckDB types of every report from the tables in
// docs/reports.md (the lines after "<!-- schema: NAME -->"), expands "{C}" with the lexicon
// categories recorded in each file's metadata, and checks, per report: the columns (names,
// order, types), the row count (> 0 unless allowed empty; equal to manifest.json's
// "reports"), zstd compression, row groups of at most 131072 rows and the drishti.* metadata.
// It handles the single-file layout (articles.parquet) and the Hive-partitioned one
// (articles/day=…/part-0.parquet). It ends with "N passed, M failed" and exits 1 when a
// check failed, 2 on a usage error or when @duckdb/node-api cannot be loaded.
//
// @duckdb/node-api is resolved with require(), so NODE_PATH works:
//   tmp=$(mktemp -d) && (cd "$tmp" && npm install --silent @duckdb/node-api)
//   NODE_PATH="$tmp/node_modules" node scripts/duckdb-check.mjs drishti-out

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPORTS = ['articles', 'hits', 'topics', 'trends', 'rejects'];
const EMPTY_OK = new Set(['rejects']);
const MAX_ROW_GROUP = 131072;
const META_KEYS = ['drishti.version', 'drishti.run_id', 'drishti.schema_version', 'drishti.lexicon_checksum', 'drishti.report'];

function usage(msg) {
  if (msg) console.error(`duckdb-check: ${msg}`);
  console.error('usage: node scripts/duckdb-check.mjs OUT_DIR [--docs FILE] [--allow-empty REPORT,...]');
  process.exit(2);
}

// ---- arguments
const here = path.dirname(fileURLToPath(import.meta.url));
let outDir = null;
// The schema tables: --docs, else docs/reports.md beside the script's folder (the repository
// layout), else docs/reports.md under the working folder (CI copies the script elsewhere).
let docsPath = null;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--docs') docsPath = args[++i] ?? usage('--docs needs a file');
  else if (a === '--allow-empty') for (const r of (args[++i] ?? usage('--allow-empty needs a list')).split(',')) EMPTY_OK.add(r.trim());
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('-')) usage(`unknown flag ${a}`);
  else if (outDir === null) outDir = a;
  else usage(`unexpected argument ${a}`);
}
if (outDir === null) usage('missing OUT_DIR');
if (docsPath === null) {
  docsPath = [path.join(here, '..', 'docs', 'reports.md'), path.join(process.cwd(), 'docs', 'reports.md')].find((p) => fs.existsSync(p));
  if (!docsPath) usage('cannot find docs/reports.md next to the script or under the working folder; pass --docs');
}
if (!fs.existsSync(outDir) || !fs.statSync(outDir).isDirectory()) usage(`${outDir} is not a folder`);

let duckdb;
try {
  duckdb = createRequire(import.meta.url)('@duckdb/node-api');
} catch (err) {
  console.error(`duckdb-check: cannot load @duckdb/node-api (${err.code ?? err.message}); install it with npm and set NODE_PATH to its node_modules`);
  process.exit(2);
}

// ---- expected schemas from docs/reports.md
function parseDocs(text) {
  const out = new Map();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^<!--\s*schema:\s*([a-z_]+)\s*-->/);
    if (!m) continue;
    const cols = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].startsWith('|')) j++;
    j += 2; // header and separator
    for (; j < lines.length && lines[j].startsWith('|'); j++) {
      const cells = lines[j].split('|').slice(1, -1).map((c) => c.trim().replace(/^`|`$/g, ''));
      if (cells.length < 3) continue;
      cols.push({ name: cells[0], type: cells[1], nullable: cells[2] === 'yes' });
    }
    out.set(m[1], cols);
  }
  return out;
}

// expand replaces each block of consecutive "{C}" rows by one copy per category.
function expand(cols, categories) {
  const out = [];
  for (let i = 0; i < cols.length; ) {
    if (!cols[i].name.includes('{C}')) { out.push(cols[i++]); continue; }
    let j = i;
    while (j < cols.length && cols[j].name.includes('{C}')) j++;
    for (const c of categories) for (const t of cols.slice(i, j)) out.push({ ...t, name: t.name.replaceAll('{C}', c) });
    i = j;
  }
  return out;
}

// ---- checks
let passed = 0;
let failed = 0;
function check(ok, what, detail = '') {
  if (ok) { passed++; console.log(`ok   ${what}`); }
  else { failed++; console.log(`FAIL ${what}${detail ? `: ${detail}` : ''}`); }
  return ok;
}

const sq = (s) => `'${String(s).replaceAll("'", "''")}'`;

const docs = parseDocs(fs.readFileSync(docsPath, 'utf8'));
for (const r of REPORTS) if (!docs.has(r)) usage(`${docsPath} has no "<!-- schema: ${r} -->" table`);

let manifest = null;
const manifestPath = path.join(outDir, 'manifest.json');
if (check(fs.existsSync(manifestPath), 'manifest.json exists')) {
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    check(typeof manifest.run_id === 'string' && manifest.run_id !== '', 'manifest.json has a run_id');
  } catch (err) {
    check(false, 'manifest.json is valid JSON', err.message);
  }
}
const files = Array.isArray(manifest?.files) ? manifest.files : [];

const db = await duckdb.DuckDBInstance.create(':memory:');
const conn = await db.connect();
const query = async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJson();

for (const r of REPORTS) {
  // Which layout did the run write? The manifest says; otherwise look at the folder.
  const single = path.join(outDir, `${r}.parquet`);
  const dataset = path.join(outDir, r);
  let partitioned;
  if (files.some((f) => f.startsWith(`${r}/`))) partitioned = true;
  else if (files.includes(`${r}.parquet`)) partitioned = false;
  else if (fs.existsSync(single)) partitioned = false;
  else if (fs.existsSync(dataset)) partitioned = true;
  else {
    check(EMPTY_OK.has(r) && manifest?.reports?.[r] === 0, `${r}: report present`, `neither ${single} nor ${dataset}/ exists`);
    continue;
  }
  const glob = partitioned ? path.join(dataset, '*', '*.parquet') : single;
  const src = partitioned ? `read_parquet(${sq(glob)}, hive_partitioning = true)` : `read_parquet(${sq(glob)})`;
  const label = `${r} (${partitioned ? 'partitioned' : 'single file'})`;

  let kv;
  try {
    kv = await query(`SELECT file_name::VARCHAR AS file, key::VARCHAR AS key, value::VARCHAR AS value FROM parquet_kv_metadata(${sq(glob)})`);
  } catch (err) {
    check(false, `${label}: readable by DuckDB`, err.message);
    continue;
  }
  const byFile = new Map();
  for (const { file, key, value } of kv) {
    if (!byFile.has(file)) byFile.set(file, new Map());
    byFile.get(file).set(key, value);
  }
  const missing = [];
  for (const [file, m] of byFile) for (const k of META_KEYS) if (!m.has(k)) missing.push(`${path.basename(file)}:${k}`);
  check(byFile.size > 0 && missing.length === 0, `${label}: drishti.* metadata in every file`, missing.slice(0, 5).join(', ') || 'no metadata');
  const wrongReport = [...byFile].filter(([, m]) => m.get('drishti.report') !== r).map(([f]) => f);
  check(wrongReport.length === 0, `${label}: drishti.report = ${r}`, wrongReport.slice(0, 3).join(', '));
  if (!partitioned && manifest?.run_id) {
    const runIDs = [...byFile.values()].map((m) => m.get('drishti.run_id'));
    check(runIDs.every((id) => id === manifest.run_id), `${label}: run id matches manifest.json`, runIDs.join(', '));
  }
  const catsValue = [...byFile.values()][0]?.get('drishti.categories') ?? '';
  const categories = catsValue === '' ? [] : catsValue.split(',');

  const want = expand(docs.get(r), categories);
  const got = await query(`DESCRIBE SELECT * FROM ${src}`);
  const gotCols = got.map((c) => `${c.column_name} ${c.column_type}`);
  const wantCols = want.map((c) => `${c.name} ${c.type}`);
  const diff = [];
  for (let i = 0; i < Math.max(gotCols.length, wantCols.length); i++) {
    if (gotCols[i] !== wantCols[i]) diff.push(`#${i + 1} got "${gotCols[i] ?? '-'}" want "${wantCols[i] ?? '-'}"`);
  }
  check(diff.length === 0, `${label}: ${wantCols.length} columns and types as in docs/reports.md`, diff.slice(0, 6).join('; '));

  const [{ n }] = await query(`SELECT count(*) AS n FROM ${src}`);
  const rows = Number(n);
  check(rows > 0 || EMPTY_OK.has(r), `${label}: ${rows} rows`, 'no rows');
  if (manifest?.reports && r in manifest.reports) {
    // With partitioning, days of earlier runs stay, so the dataset holds at least this run's rows.
    const expected = Number(manifest.reports[r]);
    check(partitioned ? rows >= expected : rows === expected, `${label}: row count agrees with manifest.json (${expected})`, `DuckDB counts ${rows}`);
  }

  const meta = await query(`SELECT list_distinct(list(compression::VARCHAR)) AS codecs, max(row_group_num_rows) AS maxrows FROM parquet_metadata(${sq(glob)})`);
  const codecs = meta[0]?.codecs ?? [];
  if (rows > 0) {
    check(codecs.length > 0 && codecs.every((c) => c.toUpperCase() === 'ZSTD'), `${label}: zstd compression`, codecs.join(', '));
    check(Number(meta[0].maxrows) <= MAX_ROW_GROUP, `${label}: row groups of at most ${MAX_ROW_GROUP} rows`, `largest has ${meta[0].maxrows}`);
  }
}

// Arrow copies: present and framed as Arrow IPC files (DuckDB needs an extension to read them).
for (const f of files.filter((f) => f.endsWith('.arrow') || f.includes('-arrow/'))) {
  const p = path.join(outDir, f);
  const targets = fs.existsSync(p) && fs.statSync(p).isDirectory()
    ? fs.readdirSync(p).filter((n) => n.endsWith('.arrow')).map((n) => path.join(p, n))
    : [p];
  for (const t of targets) {
    let ok = false;
    try {
      const b = fs.readFileSync(t);
      ok = b.length >= 12 && b.subarray(0, 6).toString() === 'ARROW1' && b.subarray(b.length - 6).toString() === 'ARROW1';
    } catch { ok = false; }
    check(ok, `${path.relative(outDir, t)}: Arrow IPC file`);
  }
}

console.log(`duckdb-check: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
