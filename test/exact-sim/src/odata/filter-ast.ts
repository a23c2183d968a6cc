export type ComparisonOperator = "eq" | "ne" | "gt" | "ge" | "lt" | "le";
export type LogicalOperator = "and" | "or";

export type Literal =
  | { kind: "literal"; type: "string"; value: string }
  | { kind: "literal"; type: "guid"; value: string }
  | { kind: "literal"; type: "datetime"; value: number }
  | { kind: "literal"; type: "int32" | "int64" | "decimal" | "double"; value: number }
  | { kind: "literal"; type: "boolean"; value: boolean }
  | { kind: "literal"; type: "null"; value: null };

export type FilterExpression =
  | {
      kind: "comparison";
      op: ComparisonOperator;
      left: FilterExpression;
      right: FilterExpression;
      position: number;
    }
  | { kind: "logical"; op: LogicalOperator; left: FilterExpression; right: FilterExpression }
  | { kind: "not"; operand: FilterExpression }
  | { kind: "property"; name: string; position: number }
  | { kind: "call"; name: string; args: FilterExpression[]; position: number }
  | Literal;
