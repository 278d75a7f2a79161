import { client as ff } from "./flags";

export const NEW_FLOW = ff.isEnabled("new_flow");
