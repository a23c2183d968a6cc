/** The Exact user behind every consent (the simulator models one user, who may access every division). */
export interface SimUser {
  id: string;
  fullName: string;
  firstName: string;
  lastName: string;
  email: string;
  /** e.g. `nl-NL`; Exact localises error messages to it. */
  languageCode: string;
}

export const DEFAULT_USER: SimUser = {
  id: "7d0b8f6e-3c1a-4c55-9f0e-2f1c7f0b6a11",
  fullName: "Sanne de Vries",
  firstName: "Sanne",
  lastName: "de Vries",
  email: "boekhouding@example.nl",
  languageCode: "nl-NL",
};
