// Jest globalSetup/globalTeardown of the fault suite: a fresh summary file per run, printed whole at the end.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { SUMMARY_FILE } from './harness';

export function clearSummary(): void {
  rmSync(SUMMARY_FILE, { force: true });
}

export function printSummary(): void {
  if (!existsSync(SUMMARY_FILE)) return;
  process.stdout.write(`\n== fault suite summary (${SUMMARY_FILE})\n${readFileSync(SUMMARY_FILE, 'utf8')}`);
}
