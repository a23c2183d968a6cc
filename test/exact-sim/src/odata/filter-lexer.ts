import { badRequest } from "../http/exact-error";

export type Token =
  | { type: "identifier"; text: string; position: number }
  | { type: "string"; value: string; position: number }
  | { type: "typed"; prefix: string; value: string; position: number }
  | { type: "number"; text: string; position: number }
  | { type: "open" | "close" | "comma"; position: number }
  | { type: "end"; position: number };

/** Splits an OData v2 `$filter` into tokens; string literals escape `'` as `''`. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const readQuoted = (start: number): string => {
    let value = "";
    let j = start + 1;
    for (;;) {
      if (j >= input.length) throw badRequest(`Unterminated string literal at position ${start}.`);
      const ch = input[j]!;
      if (ch === "'") {
        if (input[j + 1] === "'") {
          value += "'";
          j += 2;
          continue;
        }
        i = j + 1;
        return value;
      }
      value += ch;
      j++;
    }
  };
  while (i < input.length) {
    const ch = input[i]!;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      i++;
    } else if (ch === "(") {
      tokens.push({ type: "open", position: i++ });
    } else if (ch === ")") {
      tokens.push({ type: "close", position: i++ });
    } else if (ch === ",") {
      tokens.push({ type: "comma", position: i++ });
    } else if (ch === "'") {
      const position = i;
      tokens.push({ type: "string", value: readQuoted(i), position });
    } else if (/[0-9-]/.test(ch)) {
      const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[LlMmDdFf]?/.exec(input.slice(i));
      if (!match) throw badRequest(`Syntax error at position ${i}.`);
      tokens.push({ type: "number", text: match[0], position: i });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(input.slice(i))!;
      const position = i;
      i += match[0].length;
      if (input[i] === "'") {
        tokens.push({ type: "typed", prefix: match[0].toLowerCase(), value: readQuoted(i), position });
      } else {
        tokens.push({ type: "identifier", text: match[0], position });
      }
    } else {
      throw badRequest(`Syntax error: character '${ch}' is not valid at position ${i}.`);
    }
  }
  tokens.push({ type: "end", position: input.length });
  return tokens;
}
