import { client as ff } from "./flags";

export function Page() {
  return <Checkout fastPath={ff.isEnabled("new_flow")} />;
}
