/**
 * `show_when` conditions from admin.yaml: a tiny language parsed on the server
 * (errors name the resource and field) and evaluated in the browser against the
 * record or the form's current values. No eval: the SPA receives the tree.
 *   Ready == true   ·   not Discontinued   ·   UnionId != null and Dues > 0   ·   (a or b)
 */
export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type Literal = string | number | boolean | null;

export type Condition =
  | { readonly kind: "and" | "or"; readonly items: readonly Condition[] }
  | { readonly kind: "not"; readonly item: Condition }
  | { readonly kind: "compare"; readonly attribute: string; readonly op: CompareOp; readonly value: Literal }
  | { readonly kind: "truthy"; readonly attribute: string };

export type ParseResult = { ok: true; condition: Condition } | { ok: false; error: string };

const TOKEN = /\s*(?:(==|!=|<=|>=|<|>|\(|\))|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*))/y;

type Token = { kind: "op" | "string" | "number" | "word"; text: string };

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) return `unexpected ${JSON.stringify(text.slice(at).trim().slice(0, 10))}`;
    if (m[1]) tokens.push({ kind: "op", text: m[1] });
    else if (m[2]) tokens.push({ kind: "string", text: m[2].slice(1, -1).replace(/\\(.)/g, "$1") });
    else if (m[3]) tokens.push({ kind: "number", text: m[3] });
    else tokens.push({ kind: "word", text: m[4]! });
  }
  return tokens;
}

const KEYWORDS = new Set(["and", "or", "not", "true", "false", "null"]);

/** Parses a condition; `attributes` are the names it may use. */
export function parseShowWhen(text: string, attributes: ReadonlySet<string>): ParseResult {
  const lexed = tokenize(text);
  if (typeof lexed === "string") return { ok: false, error: lexed };
  const tokens: Token[] = lexed;
  let i = 0;
  const peek = () => tokens[i];
  const fail = (msg: string): never => { throw new SyntaxError(msg); };

  function literal(): Literal {
    const t = tokens[i++] ?? fail("a value is missing at the end");
    if (t.kind === "string") return t.text;
    if (t.kind === "number") return Number(t.text);
    if (t.kind === "word" && ["true", "false", "null"].includes(t.text)) return t.text === "null" ? null : t.text === "true";
    return fail(`expected a value (number, "text", true, false or null), found ${t.text}`);
  }

  function primary(): Condition {
    const t = tokens[i++] ?? fail("a condition is missing at the end");
    if (t.kind === "op" && t.text === "(") {
      const inner = or();
      if (tokens[i++]?.text !== ")") fail("a ) is missing");
      return inner;
    }
    if (t.kind === "word" && t.text === "not") return { kind: "not", item: primary() };
    if (t.kind !== "word" || KEYWORDS.has(t.text)) return fail(`expected a field name, found ${t.text}`);
    if (!attributes.has(t.text)) return fail(`${t.text} is not a field of this resource`);
    const next = peek();
    if (next?.kind === "op" && next.text !== "(" && next.text !== ")") {
      i++;
      return { kind: "compare", attribute: t.text, op: next.text as CompareOp, value: literal() };
    }
    return { kind: "truthy", attribute: t.text };
  }

  function sequence(kind: "and" | "or", item: () => Condition): Condition {
    const items = [item()];
    while (peek()?.kind === "word" && peek()?.text === kind) { i++; items.push(item()); }
    return items.length === 1 ? items[0]! : { kind, items };
  }
  const and = () => sequence("and", primary);
  const or = (): Condition => sequence("or", and);

  try {
    const condition = or();
    if (i < tokens.length) fail(`unexpected ${tokens[i]!.text}`);
    return { ok: true, condition };
  } catch (e) {
    return { ok: false, error: e instanceof SyntaxError ? e.message : String(e) };
  }
}

function compare(left: unknown, op: CompareOp, right: Literal): boolean {
  const l = left === undefined || left === "" ? null : left;
  switch (op) {
    case "==": return l === right || (l !== null && right !== null && String(l) === String(right));
    case "!=": return !compare(l, "==", right);
    default: {
      if (l === null || right === null) return false;
      const [a, b] = typeof right === "number" ? [Number(l), right] : [String(l), String(right)];
      return op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
    }
  }
}

export function evaluateShowWhen(condition: Condition, values: Readonly<Record<string, unknown>>): boolean {
  switch (condition.kind) {
    case "and": return condition.items.every((c) => evaluateShowWhen(c, values));
    case "or": return condition.items.some((c) => evaluateShowWhen(c, values));
    case "not": return !evaluateShowWhen(condition.item, values);
    case "compare": return compare(values[condition.attribute], condition.op, condition.value);
    case "truthy": {
      const v = values[condition.attribute];
      return v !== null && v !== undefined && v !== false && v !== "" && v !== 0;
    }
  }
}
