/**
 * `bun tests/support/jsonapi-sdk-generate.ts <spec.json> <out.d.ts>`: TypeScript
 * types for an OpenAPI document via openapi-typescript's Node API (openapiTS +
 * astToString). openapi-typescript needs the classic TypeScript compiler API,
 * which TypeScript 7 no longer ships (openapi-typescript issue #2841); when the
 * `typescript` package lacks it, `@typescript/typescript6` is loaded in its place.
 * Runs as its own process so that substitution never leaks into other tests.
 */
import { plugin } from "bun";

export function classicCompilerPath(from: string): string | undefined {
  try {
    return Bun.resolveSync("@typescript/typescript6", from);
  } catch {
    return undefined;
  }
}

export async function hasClassicCompilerApi(from: string): Promise<boolean> {
  const ts = (await import("typescript")) as { default?: { factory?: unknown }; factory?: unknown };
  return Boolean(ts.factory ?? ts.default?.factory) || classicCompilerPath(from) !== undefined;
}

if (import.meta.main) {
  const [specPath, outPath] = process.argv.slice(2);
  if (!specPath || !outPath) throw new Error("usage: jsonapi-sdk-generate.ts <spec.json> <out.d.ts>");
  const classic = classicCompilerPath(import.meta.dir);
  if (classic) {
    plugin({ name: "typescript-classic-api", setup(build) {
      build.onLoad({ filter: /node_modules\/typescript\/lib\/version\.cjs$/ },
        () => ({ contents: `import ts from ${JSON.stringify(classic)}; export default ts;`, loader: "js" }));
    } });
  }
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  const ast = await openapiTS(await Bun.file(specPath).json());
  await Bun.write(outPath, astToString(ast));
}
