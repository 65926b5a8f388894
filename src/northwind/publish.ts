/** Northwind's publish rules: a Ready order goes to Shipping on topic order_shipping. */
import { publishRule } from "../engine/outbox/publish-rule";
import { ORDER_SHIPPING_ENVELOPE, orderShippingMapping } from "./mappers";
import { Order } from "./schema";

export const ORDER_SHIPPING_TOPIC = "order_shipping";

export const publishRules = [
  publishRule({
    name: "order_shipping",
    table: Order,
    whenBecomesTrue: Order.Ready,
    topic: ORDER_SHIPPING_TOPIC,
    type: "OrderShipping",
    aggregateType: "Order",
    mapping: orderShippingMapping,
    envelope: ORDER_SHIPPING_ENVELOPE,
  }),
];

/** Topics the relay creates up front, with the dead-letter topic Shipping uses. */
export const RELAY_TOPICS = [ORDER_SHIPPING_TOPIC, `${ORDER_SHIPPING_TOPIC}.DLQ`];
