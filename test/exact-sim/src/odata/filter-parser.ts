import { badRequest } from "../http/exact-error";
import { parseIncomingDate } from "../util/amsterdam-time";
import { normalizeGuid } from "../util/guid";
import type { ComparisonOperator, FilterExpression, Literal } from "./filter-ast";
import { type Token, tokenize } from "./filter-lexer";

const COMPARISONS = new Set<string>(["eq", "ne", "gt", "ge", "lt", "le"]);
const FUNCTIONS = new Set<string>([
  "trim",
  "tolower",
  "toupper",
  "substringof",
  "startswith",
  "endswith",
  "length",
]);

/**
 * Recursive-descent parser for the OData v2 `$filter` subset Exact accepts [exact-online-api.md §2]:
 * `or` < `and` < `not` < comparison < primary; literals '…', guid'…', datetime'…', 123, 123L, 1.5M, true/false/null.
 */
export function parseFilter(input: string): FilterExpression {
  const tokens = tokenize(input);
  let index = 0;
  const peek = (): Token => tokens[index]!;
  const take = (): Token => tokens[index++]!;
  const isKeyword = (token: Token, word: string) =>
    token.type === "identifier" && token.text.toLowerCase() === word;

  const parseOr = (): FilterExpression => {
    let left = parseAnd();
    while (isKeyword(peek(), "or")) {
      take();
      left = { kind: "logical", op: "or", left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): FilterExpression => {
    let left = parseNot();
    while (isKeyword(peek(), "and")) {
      take();
      left = { kind: "logical", op: "and", left, right: parseNot() };
    }
    return left;
  };
  const parseNot = (): FilterExpression => {
    if (isKeyword(peek(), "not")) {
      take();
      return { kind: "not", operand: parseNot() };
    }
    return parseComparison();
  };
  const parseComparison = (): FilterExpression => {
    const left = parsePrimary();
    const next = peek();
    if (next.type === "identifier" && COMPARISONS.has(next.text.toLowerCase())) {
      take();
      const right = parsePrimary();
      return {
        kind: "comparison",
        op: next.text.toLowerCase() as ComparisonOperator,
        left,
        right,
        position: next.position,
      };
    }
    return left;
  };
  const parsePrimary = (): FilterExpression => {
    const token = take();
    switch (token.type) {
      case "open": {
        const inner = parseOr();
        expect("close");
        return inner;
      }
      case "string":
        return { kind: "literal", type: "string", value: token.value };
      case "typed":
        return typedLiteral(token.prefix, token.value, token.position);
      case "number":
        return numberLiteral(token.text, token.position);
      case "identifier": {
        const lower = token.text.toLowerCase();
        if (lower === "true" || lower === "false")
          return { kind: "literal", type: "boolean", value: lower === "true" };
        if (lower === "null") return { kind: "literal", type: "null", value: null };
        if (peek().type === "open") {
          if (!FUNCTIONS.has(lower))
            throw badRequest(`Unknown function '${token.text}' at position ${token.position}.`);
          take();
          const args: FilterExpression[] = [];
          if (peek().type !== "close") {
            args.push(parseOr());
            while (peek().type === "comma") {
              take();
              args.push(parseOr());
            }
          }
          expect("close");
          return { kind: "call", name: lower, args, position: token.position };
        }
        if (token.text.includes("/")) throw badRequest(`Syntax error at position ${token.position}.`);
        return { kind: "property", name: token.text, position: token.position };
      }
      default:
        throw badRequest(`Expression expected at position ${token.position}.`);
    }
  };
  const expect = (type: Token["type"]) => {
    const token = take();
    if (token.type !== type) {
      throw badRequest(`Syntax error: ')' or operator expected at position ${token.position}.`);
    }
  };

  const expression = parseOr();
  const rest = peek();
  if (rest.type !== "end") throw badRequest(`Syntax error at position ${rest.position}.`);
  return expression;
}

function typedLiteral(prefix: string, raw: string, position: number): Literal {
  if (prefix === "guid") {
    const guid = normalizeGuid(raw);
    if (!guid) throw badRequest(`Unrecognized 'Edm.Guid' literal 'guid'${raw}'' at position ${position}.`);
    return { kind: "literal", type: "guid", value: guid };
  }
  if (prefix === "datetime" || prefix === "datetimeoffset") {
    const instant = parseIncomingDate(raw);
    if (instant === undefined) {
      throw badRequest(`Unrecognized 'Edm.DateTime' literal 'datetime'${raw}'' at position ${position}.`);
    }
    return { kind: "literal", type: "datetime", value: instant };
  }
  throw badRequest(`Syntax error at position ${position}.`);
}

function numberLiteral(text: string, position: number): Literal {
  const suffix = text.at(-1)!.toUpperCase();
  const body = /[LMDF]/.test(suffix) ? text.slice(0, -1) : text;
  const value = Number(body);
  if (!Number.isFinite(value)) throw badRequest(`Syntax error at position ${position}.`);
  if (suffix === "L") {
    if (!Number.isInteger(value))
      throw badRequest(`Unrecognized 'Edm.Int64' literal at position ${position}.`);
    return { kind: "literal", type: "int64", value };
  }
  if (suffix === "M") return { kind: "literal", type: "decimal", value };
  if (suffix === "D" || suffix === "F" || body.includes(".") || /e/i.test(body)) {
    return { kind: "literal", type: "double", value };
  }
  return { kind: "literal", type: Math.abs(value) > 2_147_483_647 ? "int64" : "int32", value };
}
