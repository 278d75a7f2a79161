import { client as ff } from "./flags";

export const label = (user: User) => (ff.isEnabled("new_flow", user) ? "New checkout" : "Checkout");
