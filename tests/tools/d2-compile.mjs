// Compiles D2 sources with D2's own compiler (its WASM build) and reports what D2 made of
// each: the shapes and connections with their labels, or D2's error.
// Input on stdin: a JSON array of [name, source]. Output on stdout: a JSON object by name.
import { D2 } from "@terrastruct/d2";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const d2 = new D2();
const verdict = {};
for (const [name, source] of cases) {
  try {
    const { diagram } = await d2.compile(source);
    verdict[name] = {
      shapes: diagram.shapes.map((s) => ({ id: s.id, label: s.label })),
      connections: (diagram.connections || []).map((c) => ({
        src: c.src,
        dst: c.dst,
        label: c.label,
      })),
    };
  } catch (error) {
    verdict[name] = { error: String(error?.message ?? error) };
  }
}
process.stdout.write(JSON.stringify(verdict));
process.exit(0);
