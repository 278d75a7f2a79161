import { useFlag } from "@acme/flags";

export function Panel() {
  const flag = useFlag("new_flow");
  return flag.enabled ? <New /> : <Old />;
}
