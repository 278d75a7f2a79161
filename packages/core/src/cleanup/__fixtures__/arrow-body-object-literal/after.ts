export const settings = () => ({ layout: "grid" });
