import { z } from "zod";

export const pairingExchangeRequestSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(20).meta({
      description:
        "The pairing code shown by `pnpm cli token pair` (8 letters and digits; case, spaces and dashes do not matter).",
      example: "K7QM-3XPA",
    }),
  })
  .meta({ id: "PairingExchangeRequest" });

export const pairedTokenSchema = z
  .object({
    token: z.string().meta({ description: "A new bookkeeper token, shown only now." }),
    role: z.literal("bookkeeper"),
    label: z.string().meta({ description: "The token's label, as audit trails name its user." }),
    tenantName: z.string().meta({ description: "The operator the token belongs to." }),
  })
  .meta({ id: "PairedToken" });
export type PairedTokenView = z.infer<typeof pairedTokenSchema>;
