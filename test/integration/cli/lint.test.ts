import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forewarn, repo, workdir } from './run-cli.js';

describe('forewarn lint', () => {
  const { dir, cleanup } = workdir();
  const run = (...args: string[]) => forewarn(args, { cwd: dir });
  const example = readFileSync(join(repo, 'examples', 'schedule.yaml'), 'utf8');
  afterAll(cleanup);

  it('the example has no errors; warnings name file, line, path and rule', () => {
    writeFileSync(join(dir, 'ok.yaml'), example);
    const r = run('lint', 'ok.yaml');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^0 errors, \d+ warnings?$/m);
    for (const line of r.stdout.trim().split('\n').slice(0, -1)) expect(line).toMatch(/^ok\.yaml:\d+: warning: \S+: .+ \[[a-z-]+\]$/);
  });

  it('points at the line of a jargon-laden text, and exits 0 for warnings only', () => {
    const text = example.replace(/^(\s+title: )(.*)$/m, '$1Install KB5031234 now');
    writeFileSync(join(dir, 'kb.yaml'), text);
    const r = run('lint', 'kb.yaml', '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    const kb = report.findings.find((f: any) => f.rule === 'kb-number');
    const expectedLine = text.split('\n').findIndex((l) => l.includes('KB5031234')) + 1;
    expect(kb).toMatchObject({ severity: 'warning', line: expectedLine });
  });

  it('a declared language that a maintenance lacks is an error: exit 1', () => {
    writeFileSync(join(dir, 'ok.yaml'), example);
    const r = run('lint', 'ok.yaml', '--locales', 'fr,de,es');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/error: maintenances\[0\]\.locales: has no text in es/);
  });

  it('an invalid schedule is reported as errors with lines: exit 1', () => {
    writeFileSync(join(dir, 'bad.yaml'), example.replace(/^version: 1$/m, 'version: -3'));
    const r = run('lint', 'bad.yaml');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^bad\.yaml:\d+: error: version: .+ \[invalid\]$/m);
  });
});

describe('forewarn lint on a signed file, and plain write errors', () => {
  it('lints the schedule inside a signed file', () => {
    const r = forewarn(['lint', 'examples/schedule.signed.json', '--json'], { cwd: repo });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.errors).toBe(0);
    expect(report.findings.some((f: any) => f.rule === 'invalid')).toBe(false);
    expect(report.findings.some((f: any) => f.rule === 'missing-translation')).toBe(true);
  });

  it('says which folder is missing, not a temporary file name', () => {
    const r = forewarn(['sign', 'examples/schedule.yaml', '--key', 'examples/keys/EXAMPLE-ONLY-schedule-1.key', '--out', 'no-such-folder/x.json'], { cwd: repo });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('forewarn sign: cannot write "no-such-folder/x.json": the folder "no-such-folder" does not exist');
  });
});
