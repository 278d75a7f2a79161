import { client as ff } from "./flags";

export const settings = () => ff.isEnabled("new_flow") ? { layout: "grid" } : null;
