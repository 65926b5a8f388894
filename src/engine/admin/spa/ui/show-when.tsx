/**
 * Applies a field's `show_when` condition: in forms against the values being
 * typed (so ticking Ready reveals ShippedDate at once), on show pages against the record.
 */
import type { ReactNode } from "react";
import { useRecordContext } from "react-admin";
import { useWatch } from "react-hook-form";
import type { Condition } from "../../model/show-when";
import { evaluateShowWhen } from "../../model/show-when";

export function WhenForm(props: { condition?: Condition; children: ReactNode }) {
  const values = useWatch() as Record<string, unknown>;
  if (props.condition && !evaluateShowWhen(props.condition, values ?? {})) return null;
  return <>{props.children}</>;
}

export function WhenRecord(props: { condition?: Condition; children: ReactNode }) {
  const record = useRecordContext();
  if (props.condition && !evaluateShowWhen(props.condition, record ?? {})) return null;
  return <>{props.children}</>;
}
