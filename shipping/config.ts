/** Shipping configuration, parsed once from the environment (port 5657 by default). */
import { z } from "zod";
import { configSchema } from "../src/config";
import { parseEnv } from "../src/engine/config/parse-env";

export const shippingConfigSchema = configSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(5657),
  SHIPPING_GROUP_ID: z.string().min(1).default("shipping"),
});

export type ShippingConfig = z.infer<typeof shippingConfigSchema>;

export function loadShippingConfig(env: Record<string, string | undefined> = process.env): ShippingConfig {
  return parseEnv(shippingConfigSchema, env);
}
