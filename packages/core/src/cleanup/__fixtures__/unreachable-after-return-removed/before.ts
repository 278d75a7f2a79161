import { client as ff } from "./flags";

export function route(req: Request): Response {
  if (ff.isEnabled("new_flow")) {
    return format(handleNew(req));
  }
  const legacy = upgrade(req);
  return format(handleLegacy(legacy));

  function format(response: Response) {
    return response;
  }
}
