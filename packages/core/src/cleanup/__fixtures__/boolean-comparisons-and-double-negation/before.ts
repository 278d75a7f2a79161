import { client as ff } from "./flags";

export function flags(): string[] {
  const on = !!ff.isEnabled("new_flow");
  const out: string[] = [];
  if (on === true) out.push("on");
  if (ff.isEnabled("new_flow") !== false) out.push("not off");
  if (on != true) out.push("never");
  return out;
}
