// Prints vitest's JSON report as one closing line: "N passed, N failed, N skipped"
// (after "Tests (label):" when a label is given).
import fs from 'node:fs';

const report = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const skipped = report.numPendingTests + report.numTodoTests;
const label = process.argv[3] ? ` (${process.argv[3]})` : '';
console.log(`\nTests${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
process.exitCode = report.numFailedTests > 0 || report.numTotalTests === 0 ? 1 : 0;
