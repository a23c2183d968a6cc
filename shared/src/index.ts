export * from "./matching";
