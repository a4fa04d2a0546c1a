// Runs one measurement in a fresh Node process (TypeScript through tsx), so each run starts with an
// empty heap and a fresh WebAssembly memory (which only grows), and reads back the JSON it prints
// as its last line of output.
import { spawn } from 'node:child_process';
import { ROOT } from './report.ts';

/** Runs `script` (a path from the repository's root) with `args`; resolves to its parsed result. */
export function runChild<T>(
  script: string,
  args: readonly string[] = [],
  nodeArgs: readonly string[] = [],
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`${script} ${args.join(' ')} exited with code ${String(code)}.`));
        return;
      }
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(
          new Error(`${script} ${args.join(' ')} printed no JSON result: ${last.slice(0, 200)}`),
        );
      }
    });
  });
}
