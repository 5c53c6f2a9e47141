// Jest globalSetup/globalTeardown of the fault suite: a fresh summary file (and process logs) per run,
// the summary printed whole at the end.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { LOG_DIR, SUMMARY_FILE } from './harness';

export function clearSummary(): void {
  rmSync(SUMMARY_FILE, { force: true });
  rmSync(LOG_DIR, { recursive: true, force: true });
}

export function printSummary(): void {
  if (!existsSync(SUMMARY_FILE)) return;
  process.stdout.write(`\n== fault suite summary (${SUMMARY_FILE})\n${readFileSync(SUMMARY_FILE, 'utf8')}`);
}
