import { useFlag } from "@acme/flags";
import { NewCart, OldCart } from "./carts";

export function Cart() {
  const { enabled } = useFlag("new_flow");
  return enabled ? <NewCart /> : <OldCart />;
}
