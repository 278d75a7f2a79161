import { NewCart } from "./carts";

export function Cart() {
  return <NewCart />;
}
