// A real Virtuoso Open Source server for the tests: its own virtuoso.ini and database in a temporary
// folder, SQL and HTTP ports on 127.0.0.1 picked free, `virtuoso-t -f` as a child process, RDF
// bulk-loaded with `isql` (ld_add + rdf_loader_run + checkpoint) and a free-text index for
// `bif:contains`. `stop()` ends the process and removes the folder; a process exit hook kills the
// server if a test run dies first, so no server outlives the tests.
// Install the programs with `node scripts/ensure-virtuoso.js` (the remote global setup does).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const VIRTUOSO_T = process.env.VIRTUOSO_T ?? '/usr/bin/virtuoso-t';
export const VIRTUOSO_ISQL = process.env.VIRTUOSO_ISQL ?? '/usr/bin/isql-vt';

/** RDF files to bulk-load into one named graph (Turtle, N-Triples, .gz; absolute paths). */
export interface GraphLoad {
  graph: string;
  files: readonly string[];
}

export interface StartOptions {
  /** Graphs to load before the server is handed out. */
  load?: readonly GraphLoad[];
  /** Database page buffers (8 KB each); default 40,000 (about 330 MB), enough for 1M triples. */
  buffers?: number;
}

/** A running server. */
export interface VirtuosoServer {
  /** The SPARQL endpoint, `http://127.0.0.1:PORT/sparql`. */
  endpoint: string;
  httpPort: number;
  sqlPort: number;
  /** Milliseconds the bulk load took (loader, checkpoint and text index), 0 with nothing to load. */
  loadMs: number;
  /** Runs SQL through isql as dba; resolves to its output, rejects on any SQL error. */
  isql(sql: string): Promise<string>;
  /** Whether the process is still running. */
  running(): boolean;
  /** Stops the server (SIGTERM, then SIGKILL after 15 s) and removes its folder. Idempotent. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

/** A TCP port on 127.0.0.1 that was free a moment ago. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address === null || typeof address === 'string') reject(new Error('no port'));
        else resolve(address.port);
      });
    });
  });
}

function ini(dir: string, sqlPort: number, httpPort: number, allowed: string[], buffers: number) {
  return `; Written by tests/support/virtuoso.ts for one test run.
[Database]
DatabaseFile       = ${dir}/db/virtuoso.db
ErrorLogFile       = ${dir}/db/virtuoso.log
LockFile           = ${dir}/db/virtuoso.lck
TransactionFile    = ${dir}/db/virtuoso.trx
xa_persistent_file = ${dir}/db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile    = ${dir}/db/virtuoso-temp.db
TransactionFile = ${dir}/db/virtuoso-temp.trx

[Parameters]
ServerPort          = 127.0.0.1:${sqlPort}
DisableUnixSocket   = 1
MaxClientConnections = 10
CheckpointInterval  = 60
CaseMode            = 2
DirsAllowed         = ${['.', ...allowed].join(', ')}
NumberOfBuffers     = ${buffers}
MaxDirtyBuffers     = ${Math.round(buffers * 0.75)}
ThreadsPerQuery     = 2
MaxQueryMem         = 1G

[HTTPServer]
ServerPort           = 127.0.0.1:${httpPort}
ServerRoot           = ${dir}/vsp
MaxClientConnections = 10
ServerThreads        = 10
MaxKeepAlives        = 10
KeepAliveTimeout     = 10
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows           = 10000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 60
DefaultQuery               = SELECT * WHERE { ?s ?p ?o } LIMIT 10
`;
}

function quoteSql(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Starts a server, loads `options.load`, and resolves once the SPARQL endpoint answers. */
export async function startVirtuoso(options: StartOptions = {}): Promise<VirtuosoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'triplescope-virtuoso-'));
  const [sqlPort, httpPort] = [await freePort(), await freePort()];
  const files = (options.load ?? []).flatMap((l) => l.files);
  const allowed = [...new Set(files.map((f) => dirname(f)))];
  const iniPath = join(dir, 'virtuoso.ini');
  for (const sub of ['db', 'vsp']) mkdirSync(join(dir, sub));
  writeFileSync(iniPath, ini(dir, sqlPort, httpPort, allowed, options.buffers ?? 40_000));

  let output = '';
  const child: ChildProcess = spawn(VIRTUOSO_T, ['-f', '-c', iniPath], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    child.on('exit', () => {
      exited = true;
      resolve();
    });
    child.on('error', (error) => {
      output += `\n${error.message}`;
      exited = true;
      resolve();
    });
  });
  // If the test process dies without stop(), the server goes with it.
  const killOnExit = (): void => {
    if (!exited) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exitedPromise;
        clearTimeout(timer);
      }
      process.off('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    })();
    return stopped;
  };

  const isql = (sql: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const file = join(dir, `isql-${Date.now()}-${Math.random().toString(36).slice(2)}.sql`);
      writeFileSync(file, sql);
      const run = spawn(
        VIRTUOSO_ISQL,
        [
          `127.0.0.1:${sqlPort}`,
          'dba',
          'dba',
          'VERBOSE=OFF',
          'BANNER=OFF',
          'PROMPT=OFF',
          'ECHO=OFF',
          'ERRORS=STDOUT',
          file,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      run.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
      run.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
      run.on('error', reject);
      run.on('close', (code) => {
        rmSync(file, { force: true });
        if (code !== 0 || out.includes('*** Error')) {
          reject(new Error(`isql failed (exit ${String(code)}):\n${out}\nSQL:\n${sql}`));
        } else resolve(out);
      });
    });

  const endpoint = `http://127.0.0.1:${httpPort}/sparql`;
  try {
    await waitUntilReady(
      endpoint,
      () => exited,
      () => output,
    );
    // CORS on /sparql, so that the app in a browser (another origin) can query this server.
    await isql(`DB.DBA.VHOST_REMOVE (lpath=>'/sparql');
DB.DBA.VHOST_REMOVE (lpath=>'/sparql/');
DB.DBA.VHOST_DEFINE (lpath=>'/sparql/', ppath=>'/!sparql/', is_dav=>1, vsp_user=>'dba', opts=>vector('noinherit', 1, 'cors', '*', 'cors_restricted', 0));
`);
    let loadMs = 0;
    if (files.length > 0) {
      const started = performance.now();
      const adds = (options.load ?? [])
        .flatMap((l) => l.files.map((f) => `ld_add (${quoteSql(f)}, ${quoteSql(l.graph)});`))
        .join('\n');
      await isql(`DB.DBA.RDF_OBJ_FT_RULE_ADD (null, null, 'index_local');
${adds}
rdf_loader_run ();
checkpoint;
DB.DBA.VT_INC_INDEX_DB_DBA_RDF_OBJ ();
`);
      loadMs = Math.round(performance.now() - started);
      const failures = await isql(
        "SELECT ll_file || ': ' || ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;",
      );
      if (failures.trim() !== '') throw new Error(`Virtuoso could not load:\n${failures}`);
    }
    return {
      endpoint,
      httpPort,
      sqlPort,
      loadMs,
      isql,
      running: () => !exited,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitUntilReady(
  endpoint: string,
  exited: () => boolean,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const probe = `${endpoint}?query=${encodeURIComponent('ASK {}')}`;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`virtuoso-t stopped before it answered:\n${output()}`);
    try {
      const response = await fetch(probe, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `Virtuoso did not answer at ${endpoint} within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`,
  );
}
