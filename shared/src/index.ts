export * from "./clock";
export * from "./matching";
export * from "./schemas/connection";
export * from "./schemas/divisions";
export * from "./schemas/error";
