/**
 * Shipping's JSON:API configuration: every Shipping table is a resource except
 * the inbox, which belongs to the consumer.
 */
import { buildRegistry } from "../src/engine/api";
import * as schema from "./schema";

export const shippingResources = buildRegistry({ schema, exclude: ["Inbox"] });
