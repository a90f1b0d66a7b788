// Compiles Signpost's stylesheet from NHS.UK frontend's Sass with the `sass` package.
// Output goes to signpost/static/dist/ (git-ignored; `make run` and `make test` build it).
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "signpost/static_src/scss/signpost.scss");
const outDir = join(root, "signpost/static/dist");

const result = sass.compile(entry, {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "signpost.css"), result.css);
// The icons the CSS points at, served from our own static files (never another host).
cpSync(join(root, "node_modules/nhsuk-frontend/dist/nhsuk/assets/images"),
  join(outDir, "nhsuk/assets/images"), { recursive: true });
console.log(`built signpost/static/dist/signpost.css (${result.css.length} bytes)`);
